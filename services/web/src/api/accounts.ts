import { allPages } from '../logic/pages';
import type { Account, createAccountRequest, issuedTokenAnswer } from '@dm/contracts/web';
import type { z } from 'zod';
import { get, post } from './http';

const path = (username: string) => `/api/v1/accounts/${encodeURIComponent(username)}`;

export type CreateAccountBody = z.input<typeof createAccountRequest>;
export interface ChangeAccountBody {
  displayName: string;
  agencyId: string | null;
  roles: string[];
}
export type IssuedToken = z.infer<typeof issuedTokenAnswer>;

/** Every account: each page followed (docs/security.md, "Pages of a list"). */
export const fetchAccounts = () =>
  allPages((after?: string) => get<{ accounts: Account[]; next: string | null }>('/api/v1/accounts', { after }), ['accounts']);
export const fetchAccount = (username: string) => get<Account>(path(username));
export const createAccount = (body: CreateAccountBody, idempotencyKey: string) =>
  post<Account>('/api/v1/accounts', body, { idempotencyKey });
export const changeAccount = (username: string, body: ChangeAccountBody, idempotencyKey: string) =>
  post<Account>(path(username), body, { idempotencyKey });
export const setPassword = (username: string, body: { password: string; currentPassword?: string }, idempotencyKey: string) =>
  post<Account>(`${path(username)}/password`, body, { idempotencyKey });
export const disableAccount = (username: string, body: { reason: string }, idempotencyKey: string) =>
  post<Account>(`${path(username)}/disable`, body, { idempotencyKey });
export const enableAccount = (username: string, idempotencyKey: string) =>
  post<Account>(`${path(username)}/enable`, {}, { idempotencyKey });
export const issueToken = (username: string, body: { label: string; expiresInDays: number }, idempotencyKey: string) =>
  post<IssuedToken>(`${path(username)}/tokens`, body, { idempotencyKey });
