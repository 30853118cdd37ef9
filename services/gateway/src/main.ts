import { runGatewayMain } from '@dm/standalone';

runGatewayMain();
