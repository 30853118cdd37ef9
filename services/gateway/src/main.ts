import { runGatewayMain } from '@dm/composition';

runGatewayMain();
