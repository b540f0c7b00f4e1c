import type { ModelParams, ModelVersion } from '../model/params';
import type { FidelityRow } from './csv';
import { modelForecast } from './model-forecast';
import { selectPoints } from './points';
import {
  type BootstrapOptions,
  DEFAULT_BOOTSTRAP,
  type Difference,
  difference,
  type ForecastScore,
  nullForecast,
  realisedOf,
  scoreForecast,
} from './score';

export interface ModelScore extends ForecastScore {
  version: ModelVersion;
  params: ModelParams;
  /** J(model) − J(null) with its block-bootstrap interval. */
  vsNull: Difference;
}

/** The `--json` document of `npm run fidelity` (docs/model.md "Fidelity"). */
export interface FidelityResult {
  format: 'liqlens.fidelity/1';
  from: number | null;
  to: number | null;
  points: number;
  /** Candidates left out because their window or their P hour is missing from the file. */
  skipped: number;
  firstPoint: number | null;
  lastPoint: number | null;
  models: ModelScore[];
  null: ForecastScore;
  /** J(v2) − J(v1) when both are scored. */
  v2VsV1: Difference | null;
  bootstrap: BootstrapOptions;
}

export interface FidelityOptions {
  /** One entry per version to score, each with its full parameters. */
  models: readonly ModelParams[];
  from?: number;
  to?: number;
  bootstrap?: BootstrapOptions;
  /** Called after each model run: done of total. */
  onProgress?: (done: number, total: number) => void;
}

/** Scores each model and the null on the file's points, as docs/model.md "Fidelity" defines it. */
export function runFidelity(rows: readonly FidelityRow[], options: FidelityOptions): FidelityResult {
  const bootstrap = options.bootstrap ?? DEFAULT_BOOTSTRAP;
  const { points, skipped } = selectPoints(rows, options.from, options.to);
  const realised = realisedOf(points);
  const nul = nullForecast(points);
  const total = points.length * options.models.length;
  let done = 0;
  const forecasts = options.models.map((params) =>
    modelForecast(params.version, points, params, () => options.onProgress?.(++done, total)),
  );
  const models = forecasts.map((forecast, i) => ({
    version: (options.models[i] as ModelParams).version,
    params: options.models[i] as ModelParams,
    ...scoreForecast(forecast, realised),
    vsNull: difference(forecast, nul, realised, bootstrap),
  }));
  const v1 = forecasts.find((f) => f.name === 'v1');
  const v2 = forecasts.find((f) => f.name === 'v2');
  return {
    format: 'liqlens.fidelity/1',
    from: options.from ?? null,
    to: options.to ?? null,
    points: points.length,
    skipped,
    firstPoint: points[0]?.time ?? null,
    lastPoint: points[points.length - 1]?.time ?? null,
    models,
    null: scoreForecast(nul, realised),
    v2VsV1: v1 && v2 ? difference(v2, v1, realised, bootstrap) : null,
    bootstrap,
  };
}
