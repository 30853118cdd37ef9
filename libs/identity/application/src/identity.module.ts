import { Module, type DynamicModule } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { accountStreamId } from '@dm/contracts';
import {
  accountDecider,
  ChangeAccount,
  CreateAccount,
  DisableAccount,
  EnableAccount,
  IssueToken,
  SetPassword,
  type AccountCommand,
} from '@dm/identity-domain';
import { deciderHandlers } from '@dm/platform';
import { AccountsController } from './accounts.controller';
import { AuthController } from './auth.controller';
import { JwksController } from './jwks.controller';
import { IDENTITY, IDENTITY_EVENTS, type IdentityContext } from './identity-context';
import { ACCOUNTS } from './identity.module.tokens';

/** The identity context's routes: sign-in, sessions, accounts; its commands go through @nestjs/cqrs to the account decider. */
@Module({})
export class IdentityModule {
  static register(identity: IdentityContext): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [AuthController, AccountsController, JwksController],
      providers: [
        { provide: IDENTITY, useValue: identity },
        { provide: IDENTITY_EVENTS, useValue: identity.eventStore },
        {
          provide: ACCOUNTS,
          useFactory: (commands: CommandBus) => identity.accounts((command) => commands.execute(command)),
          inject: [CommandBus],
        },
        ...deciderHandlers(IDENTITY_EVENTS, accountDecider, (c: AccountCommand) => accountStreamId(c.data.username), [
          CreateAccount,
          ChangeAccount,
          SetPassword,
          DisableAccount,
          EnableAccount,
          IssueToken,
        ]),
      ],
    };
  }
}
