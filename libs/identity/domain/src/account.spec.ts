import { IDENTITY_EVENT_TYPES as T } from '@dm/contracts';
import { IllegalStateError, NotFoundError } from '@dm/eventsourcing';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import {
  accountDecider,
  ChangeAccount,
  CreateAccount,
  DisableAccount,
  EnableAccount,
  IssueToken,
  SetPassword,
  type AccountEvent,
} from './account';

const given = DeciderSpecification.for(accountDecider);
const m = specMetadata();
const fields = { username: 'muonglat.cb', displayName: 'Cán bộ Mường Lát', agencyId: 'ubnd-muong-lat', roles: ['agency_officer'] };
const created: AccountEvent = { type: T.accountCreated, data: { ...fields, source: 'local' } };
const createdByOidc: AccountEvent = { type: T.accountCreated, data: { ...fields, username: 'oidc.abc', source: 'oidc' } };
const disabled: AccountEvent = { type: T.accountDisabled, data: { username: fields.username, reason: 'Chuyển công tác' } };

describe('an account', () => {
  it('given nothing, when created, then account-created', () => {
    given([])
      .when(new CreateAccount({ ...fields, source: 'local' }, m))
      .then([created]);
  });

  it('given it exists, when created again, then refused: the username is taken', () => {
    given([created])
      .when(new CreateAccount({ ...fields, source: 'local' }, m))
      .thenThrows(IllegalStateError, (e) => expect(e.field).toBe('username'));
  });

  it('given nothing, when changed, disabled, its password set or a token issued, then not found', () => {
    for (const command of [
      new ChangeAccount(fields, m),
      new SetPassword({ username: fields.username, reset: true }, m),
      new DisableAccount({ username: fields.username, reason: 'x' }, m),
      new EnableAccount({ username: fields.username }, m),
      new IssueToken({ username: fields.username, tokenId: 't', label: 'x', expiresAt: '2027-01-01T00:00:00Z' }, m),
    ])
      given([]).when(command).thenThrows(NotFoundError);
  });

  it('given it exists, when changed to what it holds (roles in another order), then nothing is recorded', () => {
    given([created, { type: T.accountChanged, data: { ...fields, roles: ['agency_officer', 'inspector'] } }])
      .when(new ChangeAccount({ ...fields, roles: ['inspector', 'agency_officer'] }, m))
      .then([]);
    given([created]).when(new ChangeAccount(fields, m)).then([]);
  });

  it('given it exists, when only its name, only its agency, or roles of the same number change, then account-changed', () => {
    for (const change of [
      { ...fields, displayName: 'Tên mới' },
      { ...fields, agencyId: 'h-ba-thuoc' },
      { ...fields, agencyId: null, roles: ['inspector'] },
    ])
      given([created])
        .when(new ChangeAccount(change, m))
        .then([{ type: T.accountChanged, data: change }]);
    const two = { ...fields, roles: ['agency_officer', 'inspector'] };
    given([created, { type: T.accountChanged, data: two }])
      .when(new ChangeAccount({ ...fields, roles: ['agency_officer', 'admin'] }, m))
      .then([{ type: T.accountChanged, data: { ...fields, roles: ['agency_officer', 'admin'] } }]);
  });

  it('names the username of an account that is not there', () => {
    given([])
      .when(new ChangeAccount(fields, m))
      .thenThrows(NotFoundError, (e) =>
        expect([e.message, e.field, e.fieldMessage]).toEqual(['There is no account muonglat.cb', 'username', 'is not an account']),
      );
  });

  it('given it exists, when its roles change, then account-changed', () => {
    const change = { ...fields, roles: ['agency_officer', 'inspector'] };
    given([created])
      .when(new ChangeAccount(change, m))
      .then([{ type: T.accountChanged, data: change }]);
  });

  it('given a local account, when its password is set, then password-set (without the password)', () => {
    given([created])
      .when(new SetPassword({ username: fields.username, reset: true }, m))
      .then([{ type: T.passwordSet, data: { username: fields.username, reset: true } }]);
  });

  it('given an account of the identity provider, when a password is set, then refused', () => {
    given([createdByOidc])
      .when(new SetPassword({ username: 'oidc.abc', reset: true }, m))
      .thenThrows(IllegalStateError);
  });

  it('given it is enabled, when disabled, then account-disabled; when disabled again, refused', () => {
    given([created])
      .when(new DisableAccount({ username: fields.username, reason: 'Chuyển công tác' }, m))
      .then([disabled]);
    given([created, disabled])
      .when(new DisableAccount({ username: fields.username, reason: 'again' }, m))
      .thenThrows(IllegalStateError);
  });

  it('given it is disabled, when enabled, then account-enabled; given it is enabled, when enabled, refused', () => {
    given([created, disabled])
      .when(new EnableAccount({ username: fields.username }, m))
      .then([{ type: T.accountEnabled, data: { username: fields.username } }]);
    given([created])
      .when(new EnableAccount({ username: fields.username }, m))
      .thenThrows(IllegalStateError);
  });

  it('given it is disabled, when a token is issued, then refused; given it is enabled, then token-issued', () => {
    const token = { username: fields.username, tokenId: 't-1', label: 'Báo cáo tự động', expiresAt: '2027-01-01T00:00:00.000Z' };
    given([created, disabled]).when(new IssueToken(token, m)).thenThrows(IllegalStateError);
    given([created])
      .when(new IssueToken(token, m))
      .then([{ type: T.tokenIssued, data: token }]);
  });

  it('folds to its current fields, disabled or not', () => {
    const state = [created, { type: T.accountChanged, data: { ...fields, displayName: 'Mới' } } as AccountEvent, disabled].reduce(
      accountDecider.evolve,
      accountDecider.initialState(),
    );
    expect(state).toEqual({ ...fields, displayName: 'Mới', source: 'local', disabled: true, disabledReason: 'Chuyển công tác' });
    expect(accountDecider.evolve(state, { type: T.accountEnabled, data: { username: fields.username } })).toMatchObject({
      disabled: false,
      disabledReason: null,
    });
  });
});
