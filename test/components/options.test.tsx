// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { FieldRows, type FieldSpec } from '../../components/options/FieldRows';
import type { Path } from '../../components/options/form-state';
import { Options, type OptionsProps } from '../../components/options/Options';
import { defaultSettings } from '../../lib/settings/schema';
import { domRoot } from '../fixtures/dom-root';

const mount = domRoot();

function props(overrides: Partial<OptionsProps> = {}): OptionsProps {
  return {
    saved: defaultSettings(),
    storedIssues: [],
    coinglassGranted: null,
    status: null,
    busy: false,
    trackRecordUrl: '/track-record.html',
    onSave: vi.fn(),
    onImport: vi.fn(),
    onExport: vi.fn(),
    onExportRecording: vi.fn(),
    onReset: vi.fn(),
    newId: () => 'rule-1',
    ...overrides,
  };
}

const field = (path: string) => mount.el.querySelector(`[data-path="${path}"]`) as HTMLElement;
const input = (path: string) => field(path).querySelector('input') as HTMLInputElement;
const errorOf = (path: string) => field(path).querySelector('.error')?.textContent ?? null;
const button = (name: string) =>
  [...mount.el.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

function type(el: HTMLInputElement, value: string) {
  el.value = value;
  act(() => {
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Options', () => {
  it('Advanced has the feed recording export', () => {
    const onExportRecording = vi.fn();
    act(() => render(<Options {...props({ onExportRecording })} />, mount.el));
    const exportButton = button('Export feed recording (.jsonl)');
    expect(exportButton.closest('#advanced')).not.toBeNull();
    act(() => exportButton.click());
    expect(onExportRecording).toHaveBeenCalledOnce();
  });

  it('shows the schema message beside the field and keeps Save off while invalid', () => {
    act(() => render(<Options {...props()} />, mount.el));
    expect(button('Save').disabled).toBe(true);
    type(input('display.opacity'), '1.5');
    expect(errorOf('display.opacity')).toBe('opacity must be at most 1');
    expect(input('display.opacity').getAttribute('aria-invalid')).toBe('true');
    expect(button('Save').disabled).toBe(true);
    type(input('refreshSeconds'), '10');
    expect(errorOf('refreshSeconds')).toBe("at least 30 s (the browser's shortest alarm)");
    type(input('display.opacity'), 'abc');
    expect(errorOf('display.opacity')).not.toBeNull();
  });

  it('saves the parsed settings, numbers as numbers', () => {
    const p = props();
    act(() => render(<Options {...p} />, mount.el));
    type(input('display.minBandUsd'), '5,000,000');
    type(input('model.movePct'), '2.5');
    expect(button('Save').disabled).toBe(false);
    act(() => button('Save').click());
    const saved = (p.onSave as ReturnType<typeof vi.fn>).mock.calls[0]?.[0];
    expect(saved.display.minBandUsd).toBe(5_000_000);
    expect(saved.model.movePct).toBe(2.5);
    expect(saved.display.longColor).toBe(defaultSettings().display.longColor);
  });

  it('puts a rule across fields on the field it names, and tier shares on the tiers', () => {
    act(() => render(<Options {...props()} />, mount.el));
    type(input('model.rangePct'), '2');
    expect(errorOf('model.movePct')).toBe('movePct must not exceed rangePct');
    type(input('model.rangePct'), '25');
    expect(errorOf('model.movePct')).toBeNull();
    act(() => button('Add tier').click());
    expect(mount.el.querySelectorAll('.tier')).toHaveLength(6);
    type(input('model.tiers[5][1]'), '0.1');
    expect(mount.el.querySelector('.tiers > .tier-foot .error')?.textContent).toBe(
      'tier shares must sum to 1',
    );
    expect(mount.el.querySelector('.tiers .tier-foot .hint')?.textContent).toBe('Shares sum to 110.0 %');
  });

  it('adds an alert rule and previews the band colours live', () => {
    act(() => render(<Options {...props()} />, mount.el));
    act(() => button('Add alert rule').click());
    expect(mount.el.querySelector('[data-rule="rule-1"]')).not.toBeNull();
    const hex = field('display.shortColor').querySelector('.hex-input') as HTMLInputElement;
    type(hex, '#aa0000');
    expect(mount.el.querySelector('.preview [data-side="short"] rect')?.getAttribute('fill')).toBe('#aa0000');
    type(hex, 'red');
    expect(errorOf('display.shortColor')).toBe('expected a colour such as #2f80ed');
  });

  it('lists stored values that fell back to defaults', () => {
    act(() =>
      render(
        <Options
          {...props({
            storedIssues: [{ path: 'display.opacity', message: 'opacity must be at most 1; default used' }],
          })}
        />,
        mount.el,
      ),
    );
    expect(mount.el.querySelector('[data-field="stored-issues"] li')?.textContent).toBe(
      'display.opacity: opacity must be at most 1; default used',
    );
  });
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
      mount.el,
    );
    const rows = [...mount.el.querySelectorAll('.field')] as HTMLElement[];
    expect(rows.map((r) => r.dataset.path)).toEqual(['a.n', 'a.w', 'c']);
    const n = mount.el.querySelector('#f-a-n') as HTMLInputElement;
    expect(n.value).toBe('4');
    expect(rows[0]?.querySelector('.unit')?.textContent).toBe('h');
    expect(rows[0]?.querySelector('.error')?.textContent).toBe('n is too small');
    expect([...mount.el.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['now 7d']);
    expect((mount.el.querySelector('#f-c') as HTMLInputElement).value).toBe('#112233');
    act(() => {
      n.value = '6';
      n.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(changes).toEqual([[['a', 'n'], 6]]);
  });
});
