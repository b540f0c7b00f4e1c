import type { SeriesDoc } from '../../lib/market/series';
import { DEFAULT_PARAMS, type ModelParams, resolveParams } from '../../lib/model/params';
import { CliError } from './cli-io';
import { parseJson } from './read-json';
import { zodLine } from './zod-line';

/**
 * Model parameters from `--params JSON` (model.md names and forms) over the defaults. The candle interval
 * is the series' own unless given, and must then agree with it.
 */
export function paramsForSeries(text: string | undefined, doc: SeriesDoc): ModelParams {
  const overrides = text === undefined ? {} : parseJson(text, '--params');
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new CliError('--params: expected a JSON object such as {"movePct":5}');
  }
  const given = overrides as Record<string, unknown>;
  if (typeof given.interval === 'string' && given.interval !== doc.interval) {
    throw new CliError(
      `--params: interval: ${given.interval} does not match the series interval ${doc.interval}`,
    );
  }
  const resolved = resolveParams({ interval: doc.interval, ...given });
  if (!resolved.ok) {
    const unknown = resolved.error.issues.some((issue) => issue.code === 'unrecognized_keys');
    const known = unknown ? ` (known: ${Object.keys(DEFAULT_PARAMS).join(', ')})` : '';
    throw new CliError(`${zodLine(resolved.error, '--params')}${known}`);
  }
  return resolved.params;
}
