import 'reflect-metadata';
import { loadEmbeddedConfig, startEmbedded } from '@dm/composition';

async function main() {
  const config = loadEmbeddedConfig();
  const server = await startEmbedded({ dataDir: config.dataDir, port: config.port, host: config.host });
  console.log(`directive-monitor (embedded) listening on ${config.host}:${config.port}, data in ${config.dataDir}`);
  console.log(`API docs: http://localhost:${config.port}/docs`);
  const stop = async (signal: string) => {
    console.log(`${signal}: closing`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
