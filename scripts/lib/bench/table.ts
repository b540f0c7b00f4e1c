import { formatFixed } from '../../../lib/format/number';
import { alignColumns } from '../../../lib/report/columns';
import type { BenchReport, MetricResult, TimedResult } from './types';

/** Milliseconds with three significant digits: 0.412, 3.08, 31.2, 128. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const decimals = ms < 1 ? 3 : ms < 10 ? 2 : ms < 100 ? 1 : 0;
  return `${formatFixed(ms, decimals)} ms`;
}

function infoText(info: Record<string, number | string>): string {
  return Object.entries(info)
    .map(([k, v]) => `${typeof v === 'number' ? formatFixed(v, 0) : v} ${k}`)
    .join(', ');
}

function timedLines(results: TimedResult[]): string[] {
  if (!results.length) return [];
  const rows = results.map((r) => [
    r.name,
    infoText(r.info),
    String(r.runs),
    formatMs(r.medianMs),
    formatMs(r.cpuMedianMs),
    formatMs(r.minMs),
    `${formatMs(r.p25Ms)} – ${formatMs(r.p75Ms)}`,
    formatMs(r.p90Ms),
    formatMs(r.maxMs),
    `${formatFixed(r.heapDeltaMb, 1)} MB`,
    r.targetMedianMs === null
      ? ''
      : `${r.medianMs < r.targetMedianMs ? 'met' : 'MISSED'}: < ${r.targetMedianMs} ms`,
  ]);
  const header = [
    'case',
    'input',
    'runs',
    'median',
    'cpu median',
    'min',
    'IQR',
    'p90',
    'max',
    'heap Δ',
    'target',
  ];
  return alignColumns([header, ...rows], '  ', [2, 3, 4, 5, 7, 8, 9]);
}

function metricLines(results: MetricResult[]): string[] {
  if (!results.length) return [];
  const rows: string[][] = [['case', 'figure', 'value', 'target']];
  for (const r of results) {
    r.metrics.forEach((m, i) => {
      const target =
        m.limitMax !== undefined
          ? `${m.value <= m.limitMax ? 'met' : 'FAIL'}: ≤ ${m.limitMax} ${m.unit}`
          : m.targetMax === undefined
            ? ''
            : `${m.value <= m.targetMax ? 'met' : 'MISSED'}: ≤ ${m.targetMax} ${m.unit}`;
      rows.push([i === 0 ? r.name : '', m.label, `${m.value} ${m.unit}`, target]);
    });
  }
  const sources = results
    .filter((r) => r.source !== null)
    .map((r) => `  ${r.name}: imported from ${r.source}, measured ${r.measuredAt}`);
  return ['', ...alignColumns(rows, '  ', [2]), ...sources];
}

export function benchTable(report: BenchReport): string[] {
  const timed = report.results.filter((r): r is TimedResult => r.kind === 'timed');
  const metrics = report.results.filter((r): r is MetricResult => r.kind === 'metrics');
  return [
    `node ${report.node} · ${report.platform} · ${report.cpus} CPUs · load ${formatFixed(report.loadAverage, 1)} · peak RSS ${formatFixed(report.peakRssMb, 0)} MB`,
    'Times are wall-clock per run after a warm-up; cpu median is this process’s CPU time per run.',
    '',
    ...timedLines(timed),
    ...metricLines(metrics),
  ];
}
