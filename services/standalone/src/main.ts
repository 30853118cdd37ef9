import 'reflect-metadata';
import { loadEmbeddedConfig, runMain, startEmbedded } from '@dm/composition';

/** The embedded form: the three services in one process, on SQLite and the in-process bus. */
runMain(async () => {
  const config = loadEmbeddedConfig();
  const server = await startEmbedded({ dataDir: config.dataDir, port: config.port, host: config.host, logLevel: config.logLevel });
  server.logger.info(
    { host: config.host, port: config.port, dataDir: config.dataDir, docs: `http://localhost:${config.port}/docs` },
    'directive-monitor (embedded) listening',
  );
  return server;
});
