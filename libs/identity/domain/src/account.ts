import { z } from 'zod';
import {
  IDENTITY_EVENT_TYPES as T,
  accountChangedV1,
  accountCreatedV1,
  accountDisabledV1,
  accountEnabledV1,
  passwordSetV1,
  tokenIssuedV1,
  type Account,
  type UserRole,
} from '@dm/contracts';
import { Command, IllegalStateError, NotFoundError, type Decider } from '@dm/eventsourcing';

type Data<S extends z.ZodTypeAny> = z.infer<S>;
export type AccountEvent =
  | { type: typeof T.accountCreated; data: Data<typeof accountCreatedV1> }
  | { type: typeof T.accountChanged; data: Data<typeof accountChangedV1> }
  | { type: typeof T.passwordSet; data: Data<typeof passwordSetV1> }
  | { type: typeof T.accountDisabled; data: Data<typeof accountDisabledV1> }
  | { type: typeof T.accountEnabled; data: Data<typeof accountEnabledV1> }
  | { type: typeof T.tokenIssued; data: Data<typeof tokenIssuedV1> };

export class CreateAccount extends Command<'CreateAccount', Data<typeof accountCreatedV1>> {
  readonly type = 'CreateAccount';
}
export class ChangeAccount extends Command<'ChangeAccount', Data<typeof accountChangedV1>> {
  readonly type = 'ChangeAccount';
}
export class SetPassword extends Command<'SetPassword', Data<typeof passwordSetV1>> {
  readonly type = 'SetPassword';
}
export class DisableAccount extends Command<'DisableAccount', Data<typeof accountDisabledV1>> {
  readonly type = 'DisableAccount';
}
export class EnableAccount extends Command<'EnableAccount', Data<typeof accountEnabledV1>> {
  readonly type = 'EnableAccount';
}
export class IssueToken extends Command<'IssueToken', Data<typeof tokenIssuedV1>> {
  readonly type = 'IssueToken';
}
export type AccountCommand = CreateAccount | ChangeAccount | SetPassword | DisableAccount | EnableAccount | IssueToken;

/** An account as its events left it; null before it was created. */
export type AccountState = Omit<Account, 'createdAt' | 'passwordSetAt' | 'tokens'> | null;

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

function existing(state: AccountState, username: string): NonNullable<AccountState> {
  if (!state) throw new NotFoundError(`There is no account ${username}`, 'username', 'is not an account');
  return state;
}

/**
 * One account's stream (`account-<username>`): created once, then changed,
 * disabled and enabled, its password set, tokens issued to it. The password
 * itself is never in an event.
 */
export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: () => null,

  evolve(state, event) {
    switch (event.type) {
      case T.accountCreated:
        return { ...event.data, roles: event.data.roles as UserRole[], disabled: false, disabledReason: null };
      case T.accountChanged:
        return state && { ...state, ...event.data, roles: event.data.roles as UserRole[] };
      case T.accountDisabled:
        return state && { ...state, disabled: true, disabledReason: event.data.reason };
      case T.accountEnabled:
        return state && { ...state, disabled: false, disabledReason: null };
      default:
        return state;
    }
  },

  decide(command, state) {
    const { username } = command.data;
    switch (command.type) {
      case 'CreateAccount':
        if (state) throw new IllegalStateError(`The account ${username} already exists`, 'username', 'is taken');
        return [{ type: T.accountCreated, data: { ...command.data } }];
      case 'ChangeAccount': {
        const account = existing(state, username);
        const { displayName, agencyId, roles } = command.data;
        if (account.displayName === displayName && account.agencyId === agencyId && sameRoles(account.roles, roles)) return [];
        return [{ type: T.accountChanged, data: { ...command.data } }];
      }
      case 'SetPassword':
        if (existing(state, username).source !== 'local')
          throw new IllegalStateError(
            `${username} signs in with the identity provider and has no password here`,
            'password',
            'cannot be set',
          );
        return [{ type: T.passwordSet, data: { ...command.data } }];
      case 'DisableAccount':
        if (existing(state, username).disabled) throw new IllegalStateError(`The account ${username} is already disabled`);
        return [{ type: T.accountDisabled, data: { ...command.data } }];
      case 'EnableAccount':
        if (!existing(state, username).disabled) throw new IllegalStateError(`The account ${username} is not disabled`);
        return [{ type: T.accountEnabled, data: { ...command.data } }];
      case 'IssueToken':
        if (existing(state, username).disabled) throw new IllegalStateError(`The account ${username} is disabled`);
        return [{ type: T.tokenIssued, data: { ...command.data } }];
    }
  },
};
