import type { Document, ReadStore } from '@dm/read-store';
import { hashPassword, verifyPassword } from './passwords';

export const CREDENTIALS = 'identity-credentials';

interface CredentialDoc extends Document {
  hash: string;
  setAt: string;
}

/** A password hashed for an account, to be saved. */
export type HashedCredential = CredentialDoc;

/** Compared against when the username is unknown, so that both answers take as long. */
let decoy: Promise<string> | null = null;

/**
 * The password hashes of local accounts, by username: a table of its own,
 * never an event (events are kept for ever and read by inspectors) and never
 * rebuilt.
 */
export class Credentials {
  constructor(
    private readonly store: ReadStore,
    /** The hash's cost: the default, but in specs. */
    private readonly cost?: Parameters<typeof hashPassword>[1],
  ) {}

  async set(username: string, password: string, at: Date): Promise<void> {
    await this.save(await this.hash(username, password, at));
  }

  /** The row `set` would write, hashed (the slow part) but not yet written: written once the account's event is. */
  async hash(username: string, password: string, at: Date): Promise<HashedCredential> {
    return { _id: username, rev: {}, hash: await hashPassword(password, this.cost), setAt: at.toISOString() };
  }

  async save(credential: HashedCredential): Promise<void> {
    await this.store.putDocuments(CREDENTIALS, [credential]);
  }

  async verify(username: string, password: string): Promise<boolean> {
    const doc = await this.store.get<CredentialDoc>(CREDENTIALS, username);
    if (!doc) {
      await verifyPassword(password, await (decoy ??= hashPassword('no such account here', this.cost)));
      return false;
    }
    return verifyPassword(password, doc.hash);
  }
}
