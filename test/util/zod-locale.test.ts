import { describe, expect, it } from 'vitest';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { describeZodError, z as ours } from '../../lib/util/zod';
import { localeError } from '../../lib/util/zod-locale';

type RawIssue = z.core.$ZodRawIssue;

/** The raw issues zod hands a locale for `input`, before any message is attached. */
function rawIssues(schema: z.ZodMiniType, input: unknown): RawIssue[] {
  const seen: RawIssue[] = [];
  const result = schema.safeParse(input, {
    error: (issue) => {
      seen.push(issue as RawIssue);
      return undefined;
    },
  });
  // Messages are made when the issues are first read.
  expect(result.error?.issues.length).toBeGreaterThan(0);
  return seen;
}

const CASES: [string, z.ZodMiniType, unknown][] = [
  ['number / string', z.number(), 'x'],
  ['number / NaN', z.number(), Number.NaN],
  ['number / Infinity', z.number(), Number.POSITIVE_INFINITY],
  ['number / -Infinity', z.number(), Number.NEGATIVE_INFINITY],
  ['number / null', z.number(), null],
  ['number / undefined', z.number(), undefined],
  ['number / array', z.number(), []],
  ['number / bigint', z.number(), 1n],
  ['string / number', z.string(), 5],
  ['int / fraction', z.int(), 1.5],
  ['boolean / object', z.boolean(), {}],
  ['object / array', z.object({ a: z.number() }), [1]],
  ['literal', z.literal(true), false],
  ['string literal', z.literal('x'), 'y'],
  ['enum', z.enum(['a', 'b']), 'c'],
  ['minLength string', z.string().check(z.minLength(2)), 'a'],
  ['maxLength string', z.string().check(z.maxLength(2)), 'abc'],
  ['exact length', z.string().check(z.length(3)), 'ab'],
  ['minLength array', z.array(z.number()).check(z.minLength(1)), []],
  ['maxLength array', z.array(z.number()).check(z.maxLength(1)), [1, 2]],
  ['gte', z.number().check(z.gte(0)), -1],
  ['gt', z.number().check(z.gt(0)), 0],
  ['lte', z.number().check(z.lte(1)), 2],
  ['lt', z.number().check(z.lt(1)), 1],
  ['int range', z.int().check(z.gte(1), z.lte(10)), 11],
  ['set size', z.set(z.number()).check(z.maxSize(1)), new Set([1, 2])],
  ['map size', z.map(z.string(), z.number()).check(z.minSize(1)), new Map()],
  ['regex', z.string().check(z.regex(/^a$/)), 'b'],
  ['starts with', z.string().check(z.startsWith('ab')), 'x'],
  ['ends with', z.string().check(z.endsWith('yz')), 'x'],
  ['includes', z.string().check(z.includes('mid')), 'x'],
  ['template literal', z.templateLiteral([z.literal('a'), z.number()]), 'b'],
  ['multiple of', z.number().check(z.multipleOf(3)), 4],
  ['unrecognized key', z.strictObject({ a: z.number() }), { a: 1, b: 2 }],
  ['unrecognized keys', z.strictObject({ a: z.number() }), { a: 1, b: 2, c: 3 }],
  ['record key', z.record(z.string().check(z.minLength(2)), z.number()), { b: 1 }],
  ['map key', z.map(z.object({ a: z.number() }), z.number()), new Map([[{}, 1]])],
  ['map value', z.map(z.object({}), z.number()), new Map([[{}, 'v']])],
  ['union', z.union([z.string(), z.number()]), true],
  ['xor', z.xor([z.string(), z.string().check(z.minLength(1))]), 'ab'],
  [
    'discriminated union',
    z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })]),
    { type: 'c' },
  ],
  ['refine without a message', z.number().check(z.refine((n) => n > 0)), -1],
  ['tuple / short', z.tuple([z.number(), z.number()]), [1]],
];

describe('our zod locale (lib/util/zod-locale.ts)', () => {
  const english = en().localeError;
  const all = CASES.flatMap(([name, schema, input]) =>
    rawIssues(schema, input).map((issue) => [name, issue] as const),
  );

  it('sees every issue code zod has', () => {
    const codes = new Set(all.map(([, issue]) => issue.code));
    expect([...codes].sort()).toEqual(
      [
        'custom',
        'invalid_element',
        'invalid_format',
        'invalid_key',
        'invalid_type',
        'invalid_union',
        'invalid_value',
        'not_multiple_of',
        'too_big',
        'too_small',
        'unrecognized_keys',
      ].sort(),
    );
  });

  it.each(all)('%s: the same words as zod/locales/en', (_name, issue) => {
    expect(localeError(issue)).toBe(english(issue));
  });

  it('names a string format we never check by its id (zod’s table of format names is left out)', () => {
    const [issue] = rawIssues(z.email(), 'nope');
    expect(issue?.code).toBe('invalid_format');
    expect(english(issue as RawIssue)).toBe('Invalid email address');
    expect(localeError(issue as RawIssue)).toBe('Invalid email');
  });

  it('is the locale lib/util/zod configures', () => {
    const result = ours.strictObject({ n: ours.number().check(ours.gte(0)) }).safeParse({ n: -1, x: 1 });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeZodError(result.error)).toBe(
        'n: Too small: expected number to be >=0; Unrecognized key: "x"',
      );
  });
});
