import { runMain } from '../run-main';
import { loadGatewayConfig } from '../service-config';
import { Gateway } from './gateway';
import { edgeOptionsOf } from '../edge-config';
import { defaultWebDir, TokenService, WebAssets } from '@dm/platform';

/** The gateway's process: configuration from the environment, checked before it listens. */
export function runGatewayMain(): void {
  runMain(async () => {
    const config = loadGatewayConfig();
    const gateway = new Gateway({
      upstreams: config.upstreams,
      timeoutMs: config.timeoutMs,
      web: WebAssets.load(defaultWebDir()),
      tokens: TokenService.verifyingWith(config.jwksUrl),
      edge: edgeOptionsOf(process.env, 'edge', 'gateway'),
    });
    const port = await gateway.listen(config.port, config.host);
    console.log(
      JSON.stringify({
        level: 30,
        time: Date.now(),
        pid: process.pid,
        host: config.host,
        port,
        upstreams: config.upstreams,
        msg: 'gateway listening',
      }),
    );
    return gateway;
  });
}
