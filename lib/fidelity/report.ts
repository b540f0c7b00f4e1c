import { decimalsForInterval } from '../format/interval';
import { formatFixed, MINUS } from '../format/number';
import { formatUtc } from '../format/time';
import type { FidelityResult } from './run-fidelity';
import type { Difference, ForecastScore } from './score';

const signed = (value: number, decimals: number): string => {
  const text = formatFixed(value, decimals);
  return value > 0 && !/^0\.?0*$/.test(text) ? `+${text}` : text;
};

const orDash = (value: number | null, show: (v: number) => string): string =>
  value === null ? '—' : show(value);

function differenceText(d: Difference): string {
  if (d.diff === null) return '—';
  if (d.low === null || d.high === null) return signed(d.diff, 3);
  const decimals = decimalsForInterval(d.low, d.high);
  return `${signed(d.diff, decimals)} (${signed(d.low, decimals)} … ${signed(d.high, decimals)})`;
}

/** Two significant digits: at-risk ÷ realised is an estimate over a few hundred windows. */
const ratioText = (r: number | null): string =>
  r === null ? '—' : formatFixed(r, Math.max(0, 1 - Math.floor(Math.log10(Math.max(r, 1e-12)))));

function row(name: string, score: ForecastScore, vsNull: string, decimals: number): string[] {
  const rho = (v: number | null) => orDash(v, (x) => formatFixed(x, 2));
  return [
    name,
    rho(score.rho.h4.short),
    rho(score.rho.h4.long),
    rho(score.rho.h24.short),
    rho(score.rho.h24.long),
    orDash(score.j, (j) => formatFixed(j, decimals)),
    vsNull,
    ratioText(score.calibration24h.both),
  ];
}

function table(rows: string[][]): string[] {
  const widths = (rows[0] as string[]).map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
      .join('  '),
  );
}

/** The text report of `npm run fidelity`. */
export function fidelityReport(result: FidelityResult, file: string): string[] {
  const span =
    result.firstPoint === null || result.lastPoint === null
      ? 'no point'
      : `${formatUtc(result.firstPoint)} to ${formatUtc(result.lastPoint)}`;
  const jDecimals = Math.max(
    2,
    ...result.models.map((m) =>
      m.vsNull.low === null || m.vsNull.high === null ? 3 : decimalsForInterval(m.vsNull.low, m.vsNull.high),
    ),
  );
  const header = [
    '',
    'ρ 4h short',
    'ρ 4h long',
    'ρ 24h short',
    'ρ 24h long',
    'J',
    'J − null (95 %)',
    'at-risk ÷ realised 24h',
  ];
  const lines = [
    `Fidelity of the at-risk estimate: ${file}`,
    `${result.points} points every 6 h, ${span}${result.skipped > 0 ? `; ${result.skipped} skipped (hours missing from the file)` : ''}`,
    '',
    ...table([
      header,
      row('null', result.null, '', jDecimals),
      ...result.models.map((m) => row(`model ${m.version}`, m, differenceText(m.vsNull), jDecimals)),
    ]).map((l) => l.trimEnd()),
  ];
  if (result.v2VsV1) lines.push('', `J(v2) ${MINUS} J(v1): ${differenceText(result.v2VsV1)}`);
  const b = result.bootstrap;
  lines.push(
    '',
    `ρ: Spearman, at-risk (estimate) against realised liquidations of the same window. J: mean of the four ρ.`,
    `Intervals: ${Math.round(b.level * 100)} % block bootstrap, ${b.resamples} resamples of ${b.blockDays}-day blocks, seed ${b.seed}.`,
    "At-risk ÷ realised compares the file's open interest (one venue) with its liquidations (as the file sums them).",
  );
  return lines;
}
