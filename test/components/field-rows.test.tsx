// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldRows, type FieldSpec } from '../../components/options/FieldRows';
import type { Path } from '../../components/options/form-state';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const SPECS: FieldSpec[] = [
  { kind: 'number', path: ['a', 'n'], label: 'N', unit: 'h', hint: 'hours' },
  {
    kind: 'select',
    path: ['a', 'w'],
    label: 'W',
    options: (current) => [{ value: current, label: `now ${current}` }],
  },
  { kind: 'color', path: ['c'], label: 'C' },
];

describe('FieldRows', () => {
  it('renders one row per spec, in order, each reading its value at its path and writing back to it', () => {
    const changes: [Path, unknown][] = [];
    const draft = { a: { n: 4, w: '7d' }, c: '#112233' };
    const errors = new Map([['a.n', 'n is too small']]);
    render(
      <FieldRows specs={SPECS} draft={draft} errors={errors} onChange={(p, v) => changes.push([p, v])} />,
      root,
    );
    const rows = [...root.querySelectorAll('.field')] as HTMLElement[];
    expect(rows.map((r) => r.dataset.path)).toEqual(['a.n', 'a.w', 'c']);
    const n = root.querySelector('#f-a-n') as HTMLInputElement;
    expect(n.value).toBe('4');
    expect(rows[0]?.querySelector('.unit')?.textContent).toBe('h');
    expect(rows[0]?.querySelector('.error')?.textContent).toBe('n is too small');
    expect([...root.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['now 7d']);
    expect((root.querySelector('#f-c') as HTMLInputElement).value).toBe('#112233');
    act(() => {
      n.value = '6';
      n.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(changes).toEqual([[['a', 'n'], 6]]);
  });
});
