import { useMemo } from 'preact/hooks';
import { formatDuration, formatPrice } from '../../lib/format';
import type { HlRealView } from '../../lib/hl-positions/real-view';
import type { RealisedSummary } from '../../lib/liquidations/types';
import { VENUE_LABEL } from '../../lib/market/venue';
import type { ClusterView, Side } from '../../lib/model/cluster-view';
import type { CalibrationFactor } from '../../lib/track-record/calibration-factor';
import { AssetSelect } from '../shared/AssetSelect';
import { TrackRecordLine, type TrackRecordState } from '../track-record/TrackRecordLine';
import { AtRiskPanel } from './AtRiskPanel';
import { BandTable } from './BandTable';
import { HlPositionsPanel } from './HlPositionsPanel';
import { Ladder } from './Ladder';
import { type PopupDisplay, popupModel } from './popup-model';
import { RealisedPanel } from './RealisedPanel';
import { VenueTable } from './VenueTable';

export interface PopupStatus {
  /** Older than three refresh periods. */
  stale: boolean;
  /** A refresh is under way for this asset. */
  refreshing: boolean;
  /** Why the last refresh failed, in words, when it did (the view shown is then the last good one). */
  error: string | null;
  /** A venue asked us to pause (rate limit, ban): "Retry now" lifts it. */
  paused?: boolean;
}

export interface PopupProps {
  asset: string;
  assets: readonly string[];
  /** The asset came from the active tab's chart (else it is the last one looked at). */
  fromTab: boolean;
  display: PopupDisplay;
  view: ClusterView | null;
  /** The venues' realised prints for the asset: shown apart, never added to the estimates. */
  realised?: RealisedSummary | null;
  /** Why there is no realised summary (the background did not answer), in words. */
  realisedError?: string | null;
  status: PopupStatus;
  now: number;
  /** Hyperliquid's real positions, when the option is on. */
  hlPositions?: HlRealView | null;
  onAssetChange: (asset: string) => void;
  onRefresh: () => void;
  onRetryNow?: () => void;
  onExportView: () => void;
  onExportSeries: () => void;
  onOpenOptions: () => void;
  /** The 7-day track record of the asset, when asked for. */
  trackRecord?: TrackRecordState | null;
  /** Its factors, when "calibrated at-risk" is on. */
  calibration?: Readonly<Record<Side, CalibrationFactor>> | null;
  onOpenTrackRecord?: () => void;
}

export function Popup(props: PopupProps) {
  const { view, display, status, now } = props;
  const model = useMemo(() => (view ? popupModel(view, display) : null), [view, display]);
  const style = { '--long': display.longColor, '--short': display.shortColor } as Record<string, string>;
  return (
    <main class="popup" style={style} aria-busy={status.refreshing}>
      <header class="head">
        <label
          class="asset"
          for="popup-asset"
          title={props.fromTab ? 'The asset of the chart in this tab' : 'Asset'}
        >
          <span class="visually-hidden">Asset</span>
          <AssetSelect
            id="popup-asset"
            asset={props.asset}
            assets={props.assets}
            onChange={props.onAssetChange}
          />
        </label>
        {props.fromTab && (
          <span class="chip" data-field="from-tab" title="The asset of the chart in this tab">
            tab
          </span>
        )}
        <span class="price num" data-field="price" title="Median of the venues' mark prices">
          {model ? formatPrice(model.price) : '—'}
        </span>
        <Freshness fetchedAt={model?.fetchedAt ?? null} now={now} status={status} />
        <span class="head-actions">
          <button type="button" onClick={props.onRefresh} disabled={status.refreshing} title="Refresh now">
            {status.refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
          <button type="button" onClick={props.onOpenOptions} title="Options">
            Options
          </button>
        </span>
      </header>
      {status.error && (
        <p class="notice bad" role="alert" data-field="error">
          {view ? `Refresh failed, showing the last good data: ${status.error}` : status.error}
        </p>
      )}
      {status.paused && props.onRetryNow && (
        <p class="notice warn" role="status" data-field="paused">
          A venue asked LiqLens to pause its requests.{' '}
          <button
            type="button"
            data-action="retry-now"
            onClick={props.onRetryNow}
            disabled={status.refreshing}
          >
            Retry now
          </button>
        </p>
      )}
      {status.stale && model && (
        <p class="notice warn" role="status" data-field="stale">
          Stale: data is {formatDuration(now - (model.fetchedAt ?? now))} old
        </p>
      )}
      {model && model.failedVenues.length > 0 && (
        <p class="notice bad" role="status" data-field="venue-failures">
          {failureSummary(
            model.failedVenues.map((v) => VENUE_LABEL[v.venue]),
            model.venues.filter((v) => v.status === 'ok').length,
            model.venues.length,
          )}
        </p>
      )}
      {!model && !status.error && (
        <p class="notice muted" data-field="loading">
          {status.refreshing ? `Loading ${props.asset}…` : `No data for ${props.asset} yet`}
        </p>
      )}
      {model && (
        <>
          <div class="main-grid">
            <div class="main-left">
              <AtRiskPanel lines={model.atRisk} binWidth={model.binWidth} calibration={props.calibration} />
              <BandTable bands={model.bands} price={model.price} binWidth={model.binWidth} />
            </div>
            <Ladder ladder={model.ladder} price={model.price} movePct={display.movePct} />
          </div>
          {props.hlPositions && <HlPositionsPanel hl={props.hlPositions} now={now} />}
          <VenueTable venues={model.venues} total={model.venueTotals} now={now} />
        </>
      )}
      {props.realised !== undefined && (
        <RealisedPanel summary={props.realised} error={props.realisedError ?? null} />
      )}
      {props.trackRecord && (
        <TrackRecordLine state={props.trackRecord} onOpen={() => props.onOpenTrackRecord?.()} />
      )}
      <footer class="foot">
        <button type="button" onClick={props.onExportView} disabled={!view}>
          Export view
        </button>
        <button type="button" onClick={props.onExportSeries} disabled={!view}>
          Export series
        </button>
        {view && (
          <span class="muted model-line" title="Model parameters behind these figures">
            model v{view.model.version} · {view.model.params.window}/{view.model.params.interval} ·{' '}
            {view.diagnostics.candles} candles · estimate
          </span>
        )}
      </footer>
    </main>
  );
}

/** "OKX failed: map from 2 of 4 venues" (venues giving context only, such as a new Hyperliquid ledger, not counted). */
function failureSummary(failed: string[], used: number, total: number): string {
  const names = failed.join(', ');
  return used > 0
    ? `${names} failed: map from ${used} of ${total} venues`
    : `${names} failed: no venue answered`;
}

function Freshness({
  fetchedAt,
  now,
  status,
}: {
  fetchedAt: number | null;
  now: number;
  status: PopupStatus;
}) {
  if (fetchedAt === null) return <span class="age muted">—</span>;
  const cls = status.stale ? 'age stale' : 'age';
  return (
    <span class={cls} data-field="age" title={new Date(fetchedAt).toISOString()}>
      <span class={`dot ${status.stale ? 'stale' : 'fresh'}`} aria-hidden="true" />
      {formatDuration(now - fetchedAt)} ago
    </span>
  );
}
