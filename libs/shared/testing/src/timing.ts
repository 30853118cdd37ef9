/** The fastest of `runs` timings of `work`, in milliseconds: the run least disturbed by the rest of the machine. */
export function fastestOf(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/**
 * How many times longer `work` takes on the larger input than on the smaller
 * one, each the fastest of five runs (a busy machine slows some runs, rarely
 * all five). A linear algorithm given four times
 * the input answers about 4; a quadratic one 16. A ratio measured in one run
 * holds on a slow or busy machine where a limit in milliseconds does not.
 */
export function growthRatio<T>(small: T, large: T, work: (input: T) => void): number {
  work(small);
  return fastestOf(5, () => work(large)) / fastestOf(5, () => work(small));
}
