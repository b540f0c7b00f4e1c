import { describe, expect, it } from 'vitest';
import {
  msTime,
  num,
  numLoose,
  numNonNegative,
  numOrEmpty,
  numPositive,
} from '../../../lib/sources/shared/num';
import { describeZodError, z } from '../../../lib/util/zod';

const parse = (schema: z.ZodMiniType, input: unknown) => {
  const r = z.safeParse(schema, input);
  return r.success ? r.data : describeZodError(r.error);
};

describe('num()', () => {
  it('parses decimal, signed and exponent strings', () => {
    expect(parse(num(), '0.00038246')).toBe(0.00038246);
    expect(parse(num(), '-0.0375')).toBe(-0.0375);
    expect(parse(num(), '1e-5')).toBe(0.00001);
    expect(parse(num(), '17055.5')).toBe(17055.5);
    expect(parse(num(), '31955346')).toBe(31955346);
  });

  it('rejects "NaN", empty, infinite and non-string input with the value shown', () => {
    expect(parse(num(), 'NaN')).toBe('expected a number string, got "NaN"');
    expect(parse(num(), '')).toBe('expected a number string, got ""');
    expect(parse(num(), 'Infinity')).toBe('expected a number string, got "Infinity"');
    expect(parse(num(), '1e999')).toBe('expected a number string, got "1e999"');
    expect(parse(num(), ' 1')).toBe('expected a number string, got " 1"');
    expect(parse(num(), 12)).toBe('expected a number string, got 12');
    expect(parse(num(), null)).toBe('expected a number string, got null');
  });

  it('names a missing field as missing, and stays optional under z.optional', () => {
    expect(parse(z.object({ a: num() }), {})).toBe(
      'a: expected a number string, got nothing (the field is missing)',
    );
    expect(parse(z.object({ a: z.optional(num()) }), {})).toEqual({});
  });

  it('bounds: positive and non-negative', () => {
    expect(parse(numPositive(), '0')).toBe('expected a positive number string, got "0"');
    expect(parse(numPositive(), '0.1')).toBe(0.1);
    expect(parse(numNonNegative(), '0')).toBe(0);
    expect(parse(numNonNegative(), '-1')).toBe('expected a non-negative number string, got "-1"');
  });

  it('numLoose takes finite numbers too', () => {
    expect(parse(numLoose(), 8)).toBe(8);
    expect(parse(numLoose(), '8')).toBe(8);
    expect(parse(numLoose(), Number.NaN)).toBe('expected a number or number string, got null');
  });
});

describe('msTime()', () => {
  it('takes integer numbers and digit strings', () => {
    expect(parse(msTime(), 1597370495002)).toBe(1597370495002);
    expect(parse(msTime(), '1670608800000')).toBe(1670608800000);
  });
  it('rejects fractions, negatives and text', () => {
    expect(parse(msTime(), '12.5')).toBe('expected a time in ms, got "12.5"');
    expect(parse(msTime(), -1)).toBe('expected a time in ms, got -1');
    expect(parse(msTime(), 'NaN')).toBe('expected a time in ms, got "NaN"');
  });
});

describe('numOrEmpty()', () => {
  it('maps "" to null, parses numbers, still rejects "NaN"', () => {
    expect(parse(numOrEmpty(), '')).toBe(null);
    expect(parse(numOrEmpty(), '8')).toBe(8);
    expect(parse(numOrEmpty(), 'NaN')).toBe('expected a number string or "", got "NaN"');
  });
});
