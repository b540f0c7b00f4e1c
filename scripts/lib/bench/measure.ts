import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { timingStats } from './stats';
import type { Metric, MetricCase, MetricResult, TimedCase, TimedResult } from './types';

/** A full GC between runs makes heap figures comparable; exposed at run time so `tsx` needs no node flag. */
function loadGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const MB = 1024 * 1024;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export async function measureTimed<C>(spec: TimedCase<C>, runsOverride?: number): Promise<TimedResult> {
  const gc = loadGc();
  const context = await spec.setup();
  const warmup = spec.warmup ?? 5;
  const runs = runsOverride ?? spec.runs ?? 30;
  for (let i = 0; i < warmup; i++) {
    const out = spec.run(context);
    if (isThenable(out)) await out;
  }
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  let heapDelta = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const out = spec.run(context);
    if (isThenable(out)) await out;
    samples.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
    heapDelta = Math.max(heapDelta, process.memoryUsage().heapUsed - heapBefore);
  }
  return {
    kind: 'timed',
    name: spec.name,
    description: spec.description,
    info: spec.info ? spec.info(context) : {},
    ...timingStats(samples),
    cpuMedianMs: timingStats(cpuSamples).medianMs,
    heapDeltaMb: heapDelta / MB,
    targetMedianMs: spec.targetMedianMs ?? null,
  };
}

export async function measureMetrics(spec: MetricCase): Promise<MetricResult> {
  const metrics: Metric[] = await spec.measure();
  return {
    kind: 'metrics',
    name: spec.name,
    description: spec.description,
    metrics,
    source: null,
    measuredAt: null,
  };
}
