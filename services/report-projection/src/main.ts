import 'reflect-metadata';
import { loadEmbeddedConfig, startSingleService } from '@dm/standalone';

async function main() {
  const config = loadEmbeddedConfig();
  const service = await startSingleService('report-projection', config);
  console.log(`report-projection listening on ${config.host}:${config.port}, data in ${config.dataDir}`);
  const stop = async () => {
    await service.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
