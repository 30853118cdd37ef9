/**
 * Skips a tier whose server is not configured, saying why in one line. Where
 * REQUIRED_TIERS lists the variable (`.ci/run` sets KAFKA_BROKERS,MONGO_URL),
 * the skip is a failing test instead, so CI cannot pass without that tier.
 */
export function skipTier(tier: string, variable: string, reason: string): void {
  const required = (process.env.REQUIRED_TIERS ?? '').split(',').map((v) => v.trim());
  if (required.includes(variable)) {
    describe(`${tier} (required by REQUIRED_TIERS)`, () => {
      it(`runs on ${variable}`, () => {
        throw new Error(`${tier} tier skipped: ${reason}, but REQUIRED_TIERS requires ${variable}`);
      });
    });
    return;
  }
  console.log(`${tier} tier skipped: ${reason}`);
  describe.skip(`${tier} (skipped, reason: ${reason})`, () => {
    it(`needs ${variable}`, () => undefined);
  });
}
