import { loadGatewayConfig } from '../service-config';
import { Gateway } from './gateway';

/** The gateway's process: configuration from the environment; closed on SIGTERM or SIGINT. */
export function runGatewayMain(): void {
  const main = async () => {
    const config = loadGatewayConfig();
    const gateway = new Gateway({ upstreams: config.upstreams, timeoutMs: config.timeoutMs });
    const port = await gateway.listen(config.port, config.host);
    console.log(`gateway listening on ${config.host}:${port}: ${Object.entries(config.upstreams).map(([s, u]) => `${s} at ${u}`).join(', ')}`);
    const stop = async () => {
      await gateway.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop());
    process.once('SIGINT', () => void stop());
  };
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
