import { notionalBetween } from '../model/at-risk';
import { gridOf } from '../model/bins';
import type { ModelParams } from '../model/params';
import { runModel } from '../model/run-model';
import type { FidelityPoint, Horizon, Side } from './points';
import type { Forecast } from './score';

/**
 * The model's at-risk at each point, read off its map: shorts between P and the window's high, longs
 * between its low and P, each bin counting in proportion to its overlap (uniform within a bin).
 */
export function modelForecast(
  name: string,
  points: readonly FidelityPoint[],
  params: ModelParams,
  onPoint?: () => void,
): Forecast {
  const make = () => ({ short: new Float64Array(points.length), long: new Float64Array(points.length) });
  const atRisk: Record<Horizon, Record<Side, Float64Array>> = { h4: make(), h24: make() };
  points.forEach((point, i) => {
    const { bins, price } = runModel(point.series, params);
    const grid = gridOf(bins);
    for (const h of ['h4', 'h24'] as const) {
      const w = point.windows[h];
      atRisk[h].short[i] = notionalBetween(grid, bins.short, price, w.high);
      atRisk[h].long[i] = notionalBetween(grid, bins.long, w.low, price);
    }
    onPoint?.();
  });
  return { name, atRisk };
}
