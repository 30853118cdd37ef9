import type { SessionAnswer, SignInMethods, SignInRequest } from '@dm/contracts/web';
import { ApiError } from './errors';
import { get, post, request } from './http';

/** The sign-in routes of the identity context (libs/shared/contracts/src/identity.ts). */

/** Who is signed in, or null when nobody is. */
export async function fetchSession(): Promise<SessionAnswer | null> {
  try {
    return await request<SessionAnswer>('GET', '/api/v1/auth/session', { expectUnauthenticated: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const fetchSignInMethods = () => get<SignInMethods>('/api/v1/auth/methods');

export const signIn = (body: SignInRequest) =>
  request<SessionAnswer>('POST', '/api/v1/auth/sign-in', { body, expectUnauthenticated: true });

export const signOut = () => post<void>('/api/v1/auth/sign-out', undefined, { expectUnauthenticated: true });
