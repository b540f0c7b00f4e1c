import { z } from '../../util/zod';
import { msTime, numNonNegative, numPositive, numRate } from '../shared';

/** `isDelisted: true` marks a coin that can no longer be traded (its context is stale). */
export const HlUniverseSchema = z.array(
  z.looseObject({ name: z.string(), isDelisted: z.optional(z.nullable(z.boolean())) }),
);
export type HlUniverse = z.output<typeof HlUniverseSchema>;

export const HlMetaSchema = z.looseObject({ universe: HlUniverseSchema });

/** One asset context; `funding` is the hourly rate, `openInterest` in coins. */
export const HlAssetCtxSchema = z.looseObject({
  markPx: numPositive(),
  funding: numRate(),
  openInterest: numNonNegative(),
});

/**
 * `[meta, assetCtxs]`, joined by index. Only the asked coin's context is checked, so a delisted coin's
 * odd context elsewhere in the list cannot fail the request; its field paths stay `[1][i].markPx`.
 */
export function metaAndAssetCtxsSchema(index: number) {
  const before = Array.from({ length: index }, () => z.unknown());
  const ctxs = z.tuple([...before, HlAssetCtxSchema] as unknown as [typeof HlAssetCtxSchema], z.unknown());
  return z.tuple([HlMetaSchema, ctxs]);
}
export type HlAssetCtx = z.output<typeof HlAssetCtxSchema>;

export const HlMetaAndAssetCtxsShape = z.tuple([HlMetaSchema, z.array(z.unknown())]);

/** `{t, T, s, i, o, c, h, l, v, n}`, ascending; `v` is base volume. `null` for a coin it does not know. */
export const HlCandlesSchema = z.nullable(
  z.array(
    z.looseObject({
      t: msTime(),
      o: numPositive(),
      h: numPositive(),
      l: numPositive(),
      c: numPositive(),
      v: numNonNegative(),
    }),
  ),
);

const HlLevelSchema = z.looseObject({ px: numPositive(), sz: numNonNegative() });

/** `{coin, levels: [bids, asks], time}`; `null` for a coin it does not know. */
export const HlL2BookSchema = z.nullable(
  z.looseObject({ levels: z.tuple([z.array(HlLevelSchema), z.array(HlLevelSchema)]) }),
);
