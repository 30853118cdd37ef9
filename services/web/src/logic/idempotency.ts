/**
 * One Idempotency-Key per thing a person means to record: a retry of the same
 * body (after a lost connection) sends the same key, so the server writes it
 * once; a changed body is another command and gets a new key.
 */
export class IdempotencyKeys {
  private last: { body: string; key: string } | null = null;

  constructor(private readonly newKey: () => string) {}

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.last?.body !== text) this.last = { body: text, key: this.newKey() };
    return this.last.key;
  }

  /** After the server took it: the next submission is a new command even with the same body. */
  settled(): void {
    this.last = null;
  }
}

/** 128 random bits as hex (crypto.randomUUID exists only on HTTPS and localhost; getRandomValues everywhere). */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
