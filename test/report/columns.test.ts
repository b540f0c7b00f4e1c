import { describe, expect, it } from 'vitest';
import { alignColumns } from '../../lib/report/columns';

describe('alignColumns', () => {
  it('pads each column to its widest cell, right-aligning the asked ones, without trailing spaces', () => {
    expect(
      alignColumns(
        [
          ['a', '1', 'x'],
          ['bbb', '22', ''],
        ],
        '> ',
        [1],
      ),
    ).toEqual(['> a     1  x', '> bbb  22']);
  });
});
