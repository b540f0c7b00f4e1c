import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatUsd } from '../../lib/format';
import { INTERVALS } from '../../lib/market/interval';
import { VENUE_LABEL, VENUES } from '../../lib/market/venue';
import { BADGE_CORNERS, REFRESH_SECONDS, type Settings } from '../../lib/settings/schema';
import { SITE_LIST } from '../../lib/sites/site-list';
import { BandPreview } from './BandPreview';
import { FieldRows, type FieldSpec } from './FieldRows';
import { CheckboxField, NumberField, type OnField, TextField } from './fields';
import { errorsUnder, type Path, setAt, validateDraft } from './form-state';
import { ESTIMATE_RULES, REALISED_RULES, RulesEditor } from './RulesEditor';
import { TiersEditor } from './TiersEditor';

export interface OptionsStatus {
  tone: 'ok' | 'bad' | 'info';
  text: string;
}

export interface OptionsProps {
  /** The settings as stored now; the form starts from them and returns to them after a save or import. */
  saved: Settings;
  /** Stored values that were invalid and fell back to their defaults. */
  storedIssues: readonly { path: string; message: string }[];
  /** Whether the browser grants the CoinGlass host (null: not known yet). */
  coinglassGranted: boolean | null;
  status: OptionsStatus | null;
  busy: boolean;
  /** The extension page that explains the track record (its URL inside the extension). */
  trackRecordUrl?: string;
  onSave: (settings: Settings) => void;
  onImport: (text: string) => void;
  onExport: () => void;
  /** Downloads what the worker's liquidation feeds received recently (`liqlens.wsrec/1`, one frame a line). */
  onExportRecording: () => void;
  onReset: () => void;
  newId?: () => string;
}

const WINDOWS = ['1d', '3d', '7d', '14d', '30d'];
const CORNER_LABEL: Record<(typeof BADGE_CORNERS)[number], string> = {
  'top-left': 'Top left',
  'top-right': 'Top right',
  'bottom-left': 'Bottom left',
  'bottom-right': 'Bottom right',
};

/** Choices whose label is their value. */
const plain = (choices: readonly string[]) => choices.map((c) => ({ value: c, label: c }));

const DISPLAY_FIELDS: FieldSpec[] = [
  {
    kind: 'number',
    path: ['model', 'movePct'],
    label: 'At-risk move',
    unit: '%',
    hint: 'The move of the at-risk badges: shorts liquidated by a rise of this much, longs by a fall',
  },
  {
    kind: 'number',
    path: ['display', 'minBandUsd'],
    label: 'Smallest band shown',
    unit: 'USD',
    readout: formatUsd,
    hint: 'Bands below this notional are hidden; the model still computes them',
  },
  { kind: 'number', path: ['display', 'bandsPerSide'], label: 'Bands per side', integer: true },
  { kind: 'color', path: ['display', 'longColor'], label: 'Long colour' },
  { kind: 'color', path: ['display', 'shortColor'], label: 'Short colour' },
  {
    kind: 'number',
    path: ['display', 'opacity'],
    label: 'Band opacity',
    hint: '0.05 to 1, for the largest band',
  },
  {
    kind: 'select',
    path: ['display', 'badgeCorner'],
    label: 'Badge corner',
    options: () => BADGE_CORNERS.map((c) => ({ value: c, label: CORNER_LABEL[c] })),
  },
];

const MODEL_FIELDS_LEFT: FieldSpec[] = [
  {
    kind: 'select',
    path: ['model', 'version'],
    label: 'Model version',
    options: () => [
      { value: 'v1', label: 'v1: the ledger’s map' },
      { value: 'v2', label: 'v2: map blended with a smooth prior' },
    ],
    hint: 'How each scores against real liquidations: docs/model.md, Fidelity',
  },
  {
    kind: 'number',
    path: ['model', 'mmr'],
    label: 'Maintenance margin rate',
    hint: 'a fraction: 0.004 = 0.4 %',
  },
  {
    kind: 'select',
    path: ['model', 'split'],
    label: 'Long share of new positions',
    options: () => [
      { value: 'taker', label: 'Taker-buy share' },
      { value: 'even', label: 'One half' },
    ],
  },
  {
    kind: 'number',
    path: ['model', 'halfLifeHours'],
    label: 'Age half-life',
    unit: 'h',
    hint: '0 turns decay off',
  },
  {
    kind: 'select',
    path: ['model', 'window'],
    label: 'Look-back',
    options: (current) => plain(withCurrent(WINDOWS, current)),
  },
];

const MODEL_FIELDS_RIGHT: FieldSpec[] = [
  {
    kind: 'select',
    path: ['model', 'interval'],
    label: 'Candle interval',
    options: (current) => plain(withCurrent(INTERVALS, current)),
  },
  { kind: 'number', path: ['model', 'binPct'], label: 'Bin width', unit: '% of price' },
  { kind: 'number', path: ['model', 'rangePct'], label: 'Map range', unit: '± %' },
  {
    kind: 'number',
    path: ['model', 'minBinUsd'],
    label: 'Smallest dense bin',
    unit: 'USD',
    readout: formatUsd,
    hint: "A bin counts toward a band only at or above this notional (0: twice the side's mean decides)",
  },
];

/** The model fields that show their own errors; the others' are listed under the model section. */
const MODEL_FIELDS_SHOWN: Path[] = [...DISPLAY_FIELDS, ...MODEL_FIELDS_LEFT, ...MODEL_FIELDS_RIGHT]
  .map((spec) => spec.path)
  .filter((path) => path[0] === 'model');

export function Options(props: OptionsProps) {
  const { saved } = props;
  const [draft, setDraft] = useState<Settings>(saved);
  const [confirmReset, setConfirmReset] = useState(false);
  useEffect(() => setDraft(saved), [saved]);
  const { settings: valid, errors } = useMemo(() => validateDraft(draft), [draft]);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(saved), [draft, saved]);
  const set: OnField = (path: Path, value: unknown) => setDraft((d) => setAt(d, path, value));
  const f = { errors, onChange: set };
  const newId = props.newId ?? (() => Math.random().toString(36).slice(2, 10));
  const m = draft.model;
  const d = draft.display;
  const modelOther = errorsUnder(errors, ['model'], MODEL_FIELDS_SHOWN).filter((e) => !e.startsWith('tiers'));

  return (
    <form
      class="options"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && dirty) props.onSave(valid);
      }}
    >
      <header class="bar">
        <h1>LiqLens options</h1>
        <span class="bar-status" role="status" aria-live="polite" data-field="status">
          {props.status && <span class={`status ${props.status.tone}`}>{props.status.text}</span>}
          {!props.status && dirty && !valid && <span class="status bad">Fix the marked fields to save</span>}
          {!props.status && dirty && valid && <span class="status info">Unsaved changes</span>}
        </span>
        <button type="button" disabled={!dirty || props.busy} onClick={() => setDraft(saved)}>
          Revert
        </button>
        <button type="submit" class="primary" disabled={!dirty || !valid || props.busy}>
          Save
        </button>
      </header>

      {props.storedIssues.length > 0 && (
        <div class="notice warn" role="alert" data-field="stored-issues">
          Some stored settings were invalid and fell back to their defaults:
          <ul>
            {props.storedIssues.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                {i.path ? `${i.path}: ` : ''}
                {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset id="display">
        <legend>Display</legend>
        <div class="cols">
          <div>
            <FieldRows {...f} draft={draft} specs={DISPLAY_FIELDS} />
          </div>
          <BandPreview display={d} movePct={Number.isFinite(m.movePct) ? m.movePct : 0} />
        </div>
        <CheckboxField
          {...f}
          path={['display', 'calibratedAtRisk']}
          label="Calibrated at-risk"
          value={draft.display.calibratedAtRisk}
          hint="Multiply at-risk figures by the measured factor of the 7-day track record, shown with its interval. Changes nothing until a side has 10 swept bands."
        />
        {props.trackRecordUrl && (
          <p class="hint">
            <a href={props.trackRecordUrl} target="_blank" rel="noopener" data-field="track-record-link">
              Track record: how the estimates fared, and what each figure means
            </a>
          </p>
        )}
      </fieldset>

      <fieldset id="venues">
        <legend>Venues</legend>
        {VENUES.map((v) => (
          <CheckboxField key={v} {...f} path={['venues', v]} label={VENUE_LABEL[v]} value={draft.venues[v]} />
        ))}
        {errorsUnder(
          errors,
          ['venues'],
          VENUES.map((v) => ['venues', v]),
        ).map((e) => (
          <p key={e} class="error" role="alert">
            {e}
          </p>
        ))}
        <CheckboxField
          {...f}
          path={['realPositions', 'hyperliquid']}
          label="Hyperliquid: real positions"
          value={draft.realPositions.hyperliquid}
          hint="Reads the real positions of Hyperliquid accounts seen trading, beside the estimate. Sends up to 300 requests a minute to api.hyperliquid.xyz from your IP (half of its per-IP limit, slowed down when it pushes back) and keeps its trades stream open; addresses and positions stay on this device."
        />
        <TextField
          {...f}
          path={['coinglassKey']}
          label="CoinGlass API key"
          secret
          placeholder="optional"
          hint={
            props.coinglassGranted === false && draft.coinglassKey
              ? 'Access to open-api-v4.coinglass.com is not granted: save to ask for it'
              : 'Optional second opinion; stored on this device only and sent to CoinGlass only. Saving asks for access to open-api-v4.coinglass.com'
          }
          value={draft.coinglassKey ?? ''}
          onChange={(p, v) => set(p, String(v).trim() === '' ? null : String(v).trim())}
        />
      </fieldset>

      <fieldset id="model">
        <legend>Model</legend>
        <p class="hint">
          The estimation model's parameters (docs/model.md). The defaults are what the figures are tested
          with.
        </p>
        <TiersEditor tiers={m.tiers} errors={errors} onChange={set} />
        <div class="cols">
          <div>
            <FieldRows {...f} draft={draft} specs={MODEL_FIELDS_LEFT} />
          </div>
          <div>
            <FieldRows {...f} draft={draft} specs={MODEL_FIELDS_RIGHT} />
          </div>
        </div>
        {modelOther.map((e) => (
          <p key={e} class="error" role="alert">
            {e}
          </p>
        ))}
      </fieldset>

      <fieldset id="sites">
        <legend>Sites</legend>
        <p class="hint">Draw bands on these sites' charts.</p>
        {SITE_LIST.map((s) => (
          <CheckboxField key={s.id} {...f} path={['sites', s.id]} label={s.label} value={draft.sites[s.id]} />
        ))}
      </fieldset>

      <fieldset id="advanced">
        <legend>Advanced</legend>
        <NumberField
          {...f}
          path={['refreshSeconds']}
          label="Refresh every"
          unit="s"
          integer
          hint={`${REFRESH_SECONDS.min} to ${REFRESH_SECONDS.max} seconds`}
          value={draft.refreshSeconds}
        />
        <CheckboxField {...f} path={['alerts', 'enabled']} label="Alerts" value={draft.alerts.enabled} />
        <RulesEditor
          kind={ESTIMATE_RULES}
          rules={draft.alerts.rules}
          errors={errors}
          onChange={set}
          newId={newId}
        />
        <RulesEditor
          kind={REALISED_RULES}
          rules={draft.alerts.realisedRules}
          errors={errors}
          onChange={set}
          newId={newId}
        />
        <fieldset class="backup">
          <legend>Backup</legend>
          <button type="button" onClick={props.onExport} disabled={props.busy}>
            Export settings
          </button>
          <label class="file-button">
            Import settings…
            <input
              type="file"
              accept="application/json,.json"
              disabled={props.busy}
              data-field="import"
              onChange={async (e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                input.value = '';
                if (file) props.onImport(await file.text());
              }}
            />
          </label>
          {confirmReset ? (
            <>
              <button
                type="button"
                class="danger"
                onClick={() => {
                  setConfirmReset(false);
                  props.onReset();
                }}
              >
                Reset everything to defaults
              </button>
              <button type="button" onClick={() => setConfirmReset(false)}>
                Keep my settings
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmReset(true)} disabled={props.busy}>
              Reset…
            </button>
          )}
        </fieldset>
        <fieldset class="debug">
          <legend>Debugging</legend>
          <button
            type="button"
            onClick={props.onExportRecording}
            disabled={props.busy}
            data-field="export-recording"
            title="The liquidation feeds' recent frames as received, one JSON object a line (liqlens.wsrec/1): replay them with npm run liquidations -- --replay FILE"
          >
            Export feed recording (.jsonl)
          </button>
        </fieldset>
      </fieldset>
    </form>
  );
}

/** The choices plus the current value, so an imported value outside the list still shows. */
function withCurrent(choices: readonly string[], current: string): string[] {
  return choices.includes(current) ? [...choices] : [...choices, current];
}
