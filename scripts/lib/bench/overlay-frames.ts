import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_LIMIT_KB } from '../bundle-limit';
import { quantile } from './stats';
import type { Metric } from './types';

/** A performance entry as read from the page (`performance.getEntriesByType('measure')`). */
export interface MeasureEntry {
  name: string;
  startTime: number;
  duration: number;
}

export const PAINT = 'liqlens:paint';
export const SNAPSHOT = 'liqlens:snapshot';
export const BRIDGE = 'liqlens:bridge';

export interface FrameCosts {
  /** Per painted frame: its paint plus every snapshot handled since the previous paint (the isolated world's work). */
  overlay: number[];
  /** The same plus the bridge's reads since the previous paint (the MAIN world's work for that frame). */
  total: number[];
  paint: number[];
  snapshot: number[];
  bridge: number[];
}

/**
 * Groups the overlay's measures into frames: the overlay paints at most once per animation frame, after the bridge
 * snapshots that changed it, so a painted frame's cost is its paint and the work that led to it since the last paint.
 * Work after the last paint (no frame of its own yet) is left out of the frames but kept in the per-kind lists.
 */
export function frameCosts(entries: readonly MeasureEntry[]): FrameCosts {
  const sorted = [...entries].sort((a, b) => a.startTime - b.startTime);
  const costs: FrameCosts = { overlay: [], total: [], paint: [], snapshot: [], bridge: [] };
  let snapshots = 0;
  let bridges = 0;
  for (const e of sorted) {
    if (e.name === SNAPSHOT) {
      costs.snapshot.push(e.duration);
      snapshots += e.duration;
    } else if (e.name === BRIDGE) {
      costs.bridge.push(e.duration);
      bridges += e.duration;
    } else if (e.name === PAINT) {
      costs.paint.push(e.duration);
      costs.overlay.push(e.duration + snapshots);
      costs.total.push(e.duration + snapshots + bridges);
      snapshots = 0;
      bridges = 0;
    }
  }
  return costs;
}

export interface Summary {
  count: number;
  median: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Three decimals for milliseconds: a paint is tenths of a millisecond. */
const ms = (x: number) => Number(x.toFixed(3));

/** Median, p95 and max of one kind of work as metrics; the target applies to each. */
export function summaryMetrics(what: string, samples: readonly number[], targetMax?: number): Metric[] {
  const s = summarize(samples);
  const metric = (label: string, value: number): Metric =>
    targetMax === undefined
      ? { label, value: ms(value), unit: 'ms' }
      : { label, value: ms(value), unit: 'ms', targetMax };
  return [metric(`${what}: median`, s.median), metric(`${what}: p95`, s.p95), metric(`${what}: max`, s.max)];
}

const kb = (bytes: number) => Number((bytes / 1000).toFixed(1));

/**
 * Sizes of the built content scripts (`<build>/content-scripts/*.js` and `*.css`): raw (minified, what the browser
 * parses, held to the 60 kB target) and gzip (what travels in the package). Null when there is no build.
 */
export async function bundleMetrics(buildDir: string): Promise<Metric[] | null> {
  const dir = join(buildDir, 'content-scripts');
  const names = await readdir(dir).catch(() => null);
  if (!names) return null;
  const metrics: Metric[] = [];
  const pair = (label: string, bytes: Buffer, target?: number) => {
    const raw: Metric = { label: `${label} raw`, value: kb(bytes.length), unit: 'kB' };
    if (target !== undefined) raw.limitMax = target;
    metrics.push(raw, {
      label: `${label} gzip`,
      value: kb(gzipSync(bytes, { level: 9 }).length),
      unit: 'kB',
    });
  };
  for (const name of names.filter((n) => n.endsWith('.js')).sort()) {
    pair(name, await readFile(join(dir, name)), BUNDLE_LIMIT_KB);
  }
  // Every site injects its own copy of the same style sheet: one line for the largest.
  let css: { name: string; bytes: Buffer } | null = null;
  for (const name of names.filter((n) => n.endsWith('.css')).sort()) {
    const bytes = await readFile(join(dir, name));
    if (!css || bytes.length > css.bytes.length) css = { name, bytes };
  }
  if (css) pair(`${css.name} (largest style sheet)`, css.bytes);
  return metrics;
}
