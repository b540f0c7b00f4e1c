import { DurationSchema } from '../market/interval';
import { z } from '../util/zod';

const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));

export const TierSchema = z.tuple([
  finite().check(z.gt(1, 'leverage must be above 1')),
  finite().check(z.gt(0, 'a tier share must be above 0'), z.lte(1, 'a tier share must be at most 1')),
]);

export const MODEL_VERSIONS = ['v1', 'v2'] as const;
export const ModelVersionSchema = z.enum(MODEL_VERSIONS);
export type ModelVersion = z.infer<typeof ModelVersionSchema>;

/** More leverage tiers than this is no distribution anyone means; it also keeps the settings item small. */
export const MAX_TIERS = 20;

/** Every parameter of model.md; names and JSON forms as written there. */
export const ModelParamsSchema = z
  .strictObject({
    // Optional on input so views and settings stored before v2 existed still read, as v1.
    version: z._default(ModelVersionSchema, 'v1'),
    tiers: z.array(TierSchema).check(
      z.minLength(1, 'expected at least one tier'),
      z.maxLength(MAX_TIERS, `at most ${MAX_TIERS} tiers`),
      z.refine(
        (tiers) => Math.abs(tiers.reduce((sum, [, share]) => sum + share, 0) - 1) < 1e-9,
        'tier shares must sum to 1',
      ),
    ),
    mmr: finite().check(z.gte(0), z.lt(0.5, 'mmr must be below 0.5')),
    split: z.enum(['taker', 'even']),
    halfLifeHours: finite().check(z.gte(0)),
    window: DurationSchema,
    interval: DurationSchema,
    // At least 0.01 % keeps the grid under 20,000 bins a side at the widest range.
    binPct: finite().check(
      z.gte(0.01, 'binPct must be at least 0.01'),
      z.lte(10, 'binPct must be at most 10'),
    ),
    rangePct: finite().check(z.gt(0), z.lt(100, 'rangePct must be below 100')),
    movePct: finite().check(z.gt(0), z.lt(100, 'movePct must be below 100')),
    minBinUsd: finite().check(z.gte(0)),
  })
  .check(
    z.refine((p) => p.movePct <= p.rangePct, {
      message: 'movePct must not exceed rangePct',
      path: ['movePct'],
    }),
  );
export type ModelParams = z.infer<typeof ModelParamsSchema>;

export const DEFAULT_PARAMS: ModelParams = Object.freeze({
  version: 'v1',
  tiers: [
    [5, 0.15],
    [10, 0.3],
    [25, 0.25],
    [50, 0.2],
    [100, 0.1],
  ],
  mmr: 0.004,
  split: 'taker',
  halfLifeHours: 72,
  window: '7d',
  interval: '15m',
  binPct: 0.1,
  rangePct: 25,
  movePct: 3,
  minBinUsd: 0,
}) as ModelParams;

/** Overrides as given on the command line or in settings: any subset, no unknown names. */
export const ModelParamsOverridesSchema = z.partial(
  z.strictObject({
    version: ModelVersionSchema,
    tiers: z.array(TierSchema),
    mmr: z.number(),
    split: z.enum(['taker', 'even']),
    halfLifeHours: z.number(),
    window: DurationSchema,
    interval: DurationSchema,
    binPct: z.number(),
    rangePct: z.number(),
    movePct: z.number(),
    minBinUsd: z.number(),
  }),
);
export type ModelParamsOverrides = z.infer<typeof ModelParamsOverridesSchema>;

/** Defaults with overrides applied, checked as a whole. */
export function resolveParams(
  overrides: unknown,
): { ok: true; params: ModelParams } | { ok: false; error: z.core.$ZodError } {
  const partial = ModelParamsOverridesSchema.safeParse(overrides ?? {});
  if (!partial.success) return { ok: false, error: partial.error };
  const merged = ModelParamsSchema.safeParse({ ...DEFAULT_PARAMS, ...partial.data });
  if (!merged.success) return { ok: false, error: merged.error };
  return { ok: true, params: merged.data };
}
