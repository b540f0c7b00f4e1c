import { inverseText } from '../../lib/figures/at-risk';
import { calibratedAtRisk } from '../../lib/figures/calibrated-at-risk';
import { formatPrice, formatSignedPercent, formatUsd } from '../../lib/format';
import type { Side } from '../../lib/model/cluster-view';
import type { CalibrationFactor } from '../../lib/track-record/calibration-factor';
import type { AtRiskLine } from './popup-model';

interface Props {
  lines: readonly AtRiskLine[];
  binWidth: number;
  /** The track record's factors when "calibrated at-risk" is on; null or absent when it is off. */
  calibration?: Readonly<Record<Side, CalibrationFactor>> | null;
}

/** At-risk notional for the configured move each way, its inverse, and the nearest band's cascade. */
export function AtRiskPanel({ lines, binWidth, calibration }: Props) {
  return (
    <section class="at-risk" aria-label="Liquidations at risk">
      {lines.map((line) => (
        <AtRiskRow
          key={line.direction}
          line={line}
          step={binWidth}
          calibration={calibration ? calibration[line.side] : null}
        />
      ))}
    </section>
  );
}

function AtRiskRow({
  line,
  step,
  calibration,
}: {
  line: AtRiskLine;
  step: number;
  calibration: CalibrationFactor | null;
}) {
  const who = line.side === 'short' ? 'Shorts' : 'Longs';
  const arrow = line.direction === 'up' ? '↑' : '↓';
  const c = line.cascade;
  const shown = calibratedAtRisk(line.notionalUsd, calibration);
  return (
    <div class="risk-row" data-direction={line.direction}>
      <div class="risk-main">
        <span class={`arrow ${line.side}`} aria-hidden="true">
          {arrow}
        </span>
        <span class="who">{who}</span>
        <span
          class={`num big ${line.side}`}
          data-field="at-risk-usd"
          data-calibration={shown.status}
          title={
            shown.status === 'calibrated'
              ? `Model estimate before calibration: ${formatUsd(line.notionalUsd)}`
              : undefined
          }
        >
          {shown.usdText}
        </span>
        <span class="muted">liquidate by</span>
        <span class="num" data-field="at-risk-move">
          {formatSignedPercent(line.movePct, 1)}
        </span>
        <span class="num muted">({formatPrice(line.price, { step })})</span>
        <span class="muted est" data-field="estimate">
          {shown.label}
        </span>
      </div>
      {shown.note && (
        <div class="tr-calibrated muted" data-field="calibration">
          {shown.note}
        </div>
      )}
      <div class="risk-sub">
        <span data-field="inverse">
          {inverseText(line) ?? `No ${who.toLowerCase()} within the map's range`}
        </span>
        {c && (
          <span
            class="cascade"
            data-field="cascade"
            title={`A push to the nearest band, then the liquidations it sets off, against the resting order-book depth only (the book is not assumed to refill). Not validated against real cascades.${c.stop === 'beyond-depth' ? ' It ran past the fetched book.' : ''}`}
          >
            Cascade {formatPrice(c.fromPrice, { step })} → {formatPrice(c.endPrice, { step })} ·{' '}
            {formatUsd(c.liquidatedUsd)} · {c.steps} {c.steps === 1 ? 'step' : 'steps'}
            {c.stop === 'beyond-depth' ? ' · past visible book' : ''} · estimate against resting depth only,
            not validated
          </span>
        )}
      </div>
    </div>
  );
}

/** A round 1-2-5 figure reads better without its ".0": $1B, $500M. */
