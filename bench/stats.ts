/** Order statistics for benchmark samples. Nearest-rank percentiles: every figure is a real sample. */

export function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile: no samples');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile: p must be within 0..100 (got ${p})`);
  const s = sorted(xs);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1] as number;
}

/** Median; the mean of the middle two for an even count. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median: no samples');
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function minMax(xs: readonly number[]): [number, number] {
  if (xs.length === 0) throw new Error('minMax: no samples');
  return [Math.min(...xs), Math.max(...xs)];
}
