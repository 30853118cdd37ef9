import type { Rate } from '@dm/contracts';
export function rate(name: string, label: string, numerator: number, denominator: number): Rate {
  return {
    name,
    label,
    numerator,
    denominator,
    value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
  };
}
