import type { Rate } from '@dm/contracts';

/** numerator ÷ denominator rounded to 4 decimals as the reporting domain rounds it, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

export const rateNamed = (rates: readonly Rate[], name: string): Rate | undefined => rates.find((r) => r.name === name);

/** A rate's three cells: numerator, denominator, value. */
export function rateCells(rate: Rate | undefined): [number | null, number | null, number | null] {
  return rate ? [rate.numerator, rate.denominator, rate.value] : [null, null, null];
}
