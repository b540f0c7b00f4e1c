import { formatUsd } from '../../lib/format/money';
import { formatUtc } from '../../lib/format/time';
import type { TrackRecord } from '../../lib/track-record/aggregate';
import { MIN_SWEPT_BANDS } from '../../lib/track-record/calibration-factor';
import { estimateText, factorText } from '../../lib/track-record/factor-text';
import { AssetSelect } from '../shared/AssetSelect';
import { TrackRecordChart } from './TrackRecordChart';
import { rateText } from './track-record-text';

export interface TrackRecordPageProps {
  asset: string;
  assets: readonly string[];
  record: TrackRecord | null;
  /** Why there is no record, in words, when there is none. */
  message: string | null;
  /** Whether the prints behind the lift and the control zones were available. */
  hasPrints: boolean;
  calibratedAtRisk: boolean;
  onAssetChange: (asset: string) => void;
  onExportCsv: () => void;
}

/** The extension page that shows the 7-day track record and explains every figure in a trader's words. */
export function TrackRecordPage(props: TrackRecordPageProps) {
  const r = props.record;
  return (
    <main class="tr-page">
      <h1>
        Track record, 7 days:{' '}
        <AssetSelect asset={props.asset} assets={props.assets} onChange={props.onAssetChange} label="Asset" />
      </h1>
      <p>
        LiqLens draws <strong>estimated</strong> liquidation bands: where the model thinks leveraged positions
        would be forced out. This page checks those estimates against what really happened: the liquidations
        Bybit, OKX and Binance published in the day after each map, while LiqLens was running and watching{' '}
        {props.asset}.
      </p>
      {props.message && (
        <p class="notice muted" data-field="message">
          {props.message}
        </p>
      )}
      {r && (
        <>
          <p class="muted">
            {r.snapshots} maps from {formatUtc(r.from)} to {formatUtc(r.to)}.
          </p>
          <TrackRecordChart daily={r.daily} from={r.from} />
          <p class="muted">
            Each day: the estimated dollars in the bands price reached (outline) and the real liquidations
            found in them (filled).
          </p>
        </>
      )}
      <dl>
        <dt>
          Bands swept and not reached{' '}
          {r && (
            <span class="figure" data-field="bands">
              {r.bands.swept} swept · {r.bands.notReached} not reached · {r.bands.open} still in their day
            </span>
          )}
        </dt>
        <dd>
          A band is <em>swept</em> when price trades into it within a day of the map that showed it. A band is{' '}
          <em>not reached</em> when the day passed without price getting there. A band whose day is not over
          yet waits; only finished days count below.
        </dd>

        <dt>
          Realised ÷ estimate (the calibration factor){' '}
          {r && (
            <span class="figure" data-field="factor">
              longs {factorText(r.calibration.long)} · shorts {factorText(r.calibration.short)}
            </span>
          )}
        </dt>
        <dd>
          For the bands price did reach: the dollars really liquidated in them (prints within the band, give
          or take 0.5 % of price, in its day) divided by the dollars the map estimated there. 0.3 means about
          30 cents of real liquidations for each estimated dollar. The range in brackets is where the true
          factor plausibly lies (a 95 % bootstrap interval, resampling whole maps). It needs {MIN_SWEPT_BANDS}{' '}
          swept bands on a side; until then it says "not enough data yet". OKX's feed does not carry all of
          its liquidations and Binance sends at most one a second, so the realised figure is a floor.
          {r &&
            (['long', 'short'] as const).map((side) => (
              <span key={side} class="figure" data-field={`calibration-${side}`}>
                {' '}
                {side === 'long' ? 'Longs' : 'Shorts'}: {formatUsd(r.calibration[side].realisedUsd)} realised
                of {formatUsd(r.calibration[side].estimatedUsd)} estimated in {r.calibration[side].sweptBands}{' '}
                bands.
              </span>
            ))}
        </dd>

        <dt>
          Lift{' '}
          {r && (
            <span class="figure" data-field="lift">
              {r.lift ? estimateText(r.lift) : 'none yet'}
            </span>
          )}
        </dt>
        <dd>
          Dollars liquidated per 1 % of price inside the swept bands, divided by the same outside every band
          but within the range price actually traded. Above 1, the bands found where liquidations happen; 1
          means they did no better than anywhere price went; below 1, worse.
          {!props.hasPrints && ' It needs the prints of the last 7 days, which are not available here yet.'}
        </dd>

        <dt>
          Hit rate against control zones{' '}
          {r && (
            <span class="figure" data-field="hit-rate">
              bands {rateText(r.hitRate.bands)} · control zones {rateText(r.hitRate.control)}
            </span>
          )}
        </dt>
        <dd>
          The share of swept bands that saw at least one real liquidation, beside the same share for zones of
          the same width outside the bands, in the range price traded. Bands well above their control zones
          point to real clusters; the ranges are Wilson 95 % intervals.
        </dd>

        <dt>
          Calibrated at-risk{' '}
          <span class="figure" data-field="calibrated-setting">
            {props.calibratedAtRisk ? 'on' : 'off'}
          </span>
        </dt>
        <dd>
          With the "Calibrated at-risk" option on, the popup multiplies its at-risk figures by the factor of
          their side and shows the range that comes with it. Until a side has {MIN_SWEPT_BANDS} swept bands it
          says "not enough data yet" and leaves the figure as the model made it.
        </dd>

        <dt>What is not validated</dt>
        <dd>
          The cascade estimate (how far a push would run once liquidations start) is computed against the
          resting order-book depth only and has not been checked against real cascades. How the at-risk figure
          itself ranks real liquidations on historical data is in the model documentation (Fidelity).
        </dd>
      </dl>
      <p>
        <button
          type="button"
          onClick={props.onExportCsv}
          disabled={!r || r.bands.total === 0}
          data-field="export-csv"
        >
          Export the band scores (CSV)
        </button>
      </p>
    </main>
  );
}
