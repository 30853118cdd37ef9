import { resolve } from 'node:path';

export interface EmbeddedConfig {
  port: number;
  host: string;
  dataDir: string;
}

export class ConfigError extends Error {
  /** `problems`: each bad setting with what is wrong, e.g. "PORT must be a TCP port number". */
  constructor(problems: string, where = '') {
    super(`configuration${where ? ` of ${where}` : ''}: ${problems}`);
    this.name = 'ConfigError';
  }
}

/** PORT (default 3000), HOST (default 0.0.0.0), MONITOR_DATA_DIR (default ./.data). */
export function loadEmbeddedConfig(env: NodeJS.ProcessEnv = process.env): EmbeddedConfig {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a TCP port number (0-65535), got "${portText}"`);
  }
  const dataDir = env.MONITOR_DATA_DIR ?? './.data';
  if (!dataDir.trim()) throw new ConfigError('MONITOR_DATA_DIR must be a directory path');
  return { port, host: env.HOST ?? '0.0.0.0', dataDir: resolve(dataDir) };
}
