/**
 * Answers of the costly reads (a period's summary, scorecards, roll-up),
 * each kept with the read models' version it was computed at: the same
 * question at the same version is answered from memory; any event applied
 * since makes it computed again. At most `size` answers, the least recently
 * asked dropped first.
 */
export class AnswerCache {
  private readonly answers = new Map<string, { version: number; value: Promise<unknown> }>();

  constructor(
    private readonly version: () => number,
    private readonly size = 64,
  ) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = this.version();
    const kept = this.answers.get(key);
    this.answers.delete(key);
    if (kept && kept.version === version) {
      this.answers.set(key, kept);
      return kept.value as Promise<T>;
    }
    const value = compute();
    this.answers.set(key, { version, value });
    value.catch(() => this.answers.get(key)?.value === value && this.answers.delete(key));
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value as string);
    return value;
  }
}
