import { Controller, Get, Header, Inject } from '@nestjs/common';
import { JWKS_PATH, problems, Public } from '@dm/platform';
import { IDENTITY, type IdentityContext } from './identity-context';

/** The public keys that verify the tokens this sign-in component signs (RFC 7517), for the services and the gateway. */
@Controller()
export class JwksController {
  constructor(@Inject(IDENTITY) private readonly identity: IdentityContext) {}

  @Get(JWKS_PATH.slice(1))
  @Public()
  @Header('cache-control', 'public, max-age=300')
  jwks() {
    const keys = this.identity.options.tokens.publicKeys();
    if (!keys) throw problems.notFound('This process signs no tokens');
    return keys;
  }
}
