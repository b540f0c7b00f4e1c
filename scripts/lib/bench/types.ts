/** A timed benchmark: `setup` once (not timed), then `run` repeatedly after a warm-up. */
export interface TimedCase<C = unknown> {
  kind: 'timed';
  name: string;
  description: string;
  setup: () => C | Promise<C>;
  run: (context: C) => unknown;
  /** Figures about the input, shown beside the timing (e.g. candles). */
  info?: (context: C) => Record<string, number | string>;
  runs?: number;
  warmup?: number;
  /** The median the issue asks for, shown as met or not; never a test. */
  targetMedianMs?: number;
}

/** One measured figure: a request count, a bundle size, a per-frame cost from a browser run. */
export interface Metric {
  label: string;
  value: number;
  unit: string;
  /** An upper bound the figure should stay under, shown as met or not. */
  targetMax?: number;
  /** A bound the figure must stay under: shown as met or FAIL, and a FAIL makes the bench exit 1. */
  limitMax?: number;
}

/** A benchmark that reports figures rather than a timing (e.g. requests per venue for a cold refresh). */
export interface MetricCase {
  kind: 'metrics';
  name: string;
  description: string;
  measure: () => Metric[] | Promise<Metric[]>;
}

export type BenchCase = TimedCase<never> | MetricCase;

/** A timed case for the registry, keeping its context type checked between setup and run. */
export function timedCase<C>(spec: Omit<TimedCase<C>, 'kind'>): BenchCase {
  return { kind: 'timed', ...spec } as unknown as BenchCase;
}

export interface TimingStats {
  runs: number;
  minMs: number;
  medianMs: number;
  p25Ms: number;
  p75Ms: number;
  p90Ms: number;
  maxMs: number;
}

export interface TimedResult extends TimingStats {
  kind: 'timed';
  name: string;
  description: string;
  info: Record<string, number | string>;
  /**
   * Median CPU time of this process per run (user + system): on a shared machine it stays near the work
   * done while wall time also counts the waits for a core.
   */
  cpuMedianMs: number;
  /** Heap growth over one run after a full GC, the largest seen: what a run allocates, at least. */
  heapDeltaMb: number;
  targetMedianMs: number | null;
}

export interface MetricResult {
  kind: 'metrics';
  name: string;
  description: string;
  metrics: Metric[];
  /** Where imported figures came from (a JSON file written by another bench, e.g. Playwright). */
  source: string | null;
  measuredAt: string | null;
}

export type BenchResult = TimedResult | MetricResult;

export interface BenchReport {
  node: string;
  platform: string;
  cpus: number;
  /** One-minute load average when the bench ended: above the CPU count, wall times are inflated. */
  loadAverage: number;
  /** Peak resident set size of this process over the whole run. */
  peakRssMb: number;
  results: BenchResult[];
}
