/** A rate that names what is divided by what. */
export interface Rate {
  name: string;
  label: string;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator rounded to 4 decimals, or null when the denominator is 0. */
  value: number | null;
}

export function rate(name: string, label: string, numerator: number, denominator: number): Rate {
  return {
    name,
    label,
    numerator,
    denominator,
    value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
  };
}
