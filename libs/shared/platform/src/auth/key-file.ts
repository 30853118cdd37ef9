import { join } from 'node:path';

/** Where a data directory keeps its token signing keys (SIGNING_KEYS_DIR may name another). */
export const signingKeysDirOf = (dataDir: string, env: NodeJS.ProcessEnv = process.env): string =>
  env.SIGNING_KEYS_DIR || join(dataDir, 'keys');
