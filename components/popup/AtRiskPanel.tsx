import { inverseText } from '../../lib/figures/at-risk';
import { formatPrice, formatSignedPercent, formatUsd } from '../../lib/format';
import type { AtRiskLine } from './popup-model';

interface Props {
  lines: readonly AtRiskLine[];
  binWidth: number;
}

/** At-risk notional for the configured move each way, its inverse, and the nearest band's cascade. */
export function AtRiskPanel({ lines, binWidth }: Props) {
  return (
    <section class="at-risk" aria-label="Liquidations at risk">
      {lines.map((line) => (
        <AtRiskRow key={line.direction} line={line} step={binWidth} />
      ))}
    </section>
  );
}

function AtRiskRow({ line, step }: { line: AtRiskLine; step: number }) {
  const who = line.side === 'short' ? 'Shorts' : 'Longs';
  const arrow = line.direction === 'up' ? '↑' : '↓';
  const c = line.cascade;
  return (
    <div class="risk-row" data-direction={line.direction}>
      <div class="risk-main">
        <span class={`arrow ${line.side}`} aria-hidden="true">
          {arrow}
        </span>
        <span class="who">{who}</span>
        <span class={`num big ${line.side}`} data-field="at-risk-usd">
          {formatUsd(line.notionalUsd)}
        </span>
        <span class="muted">liquidate by</span>
        <span class="num" data-field="at-risk-move">
          {formatSignedPercent(line.movePct, 1)}
        </span>
        <span class="num muted">({formatPrice(line.price, { step })})</span>
      </div>
      <div class="risk-sub">
        <span data-field="inverse">
          {inverseText(line) ?? `No ${who.toLowerCase()} within the map's range`}
        </span>
        {c && (
          <span
            class="cascade"
            data-field="cascade"
            title={`A push to the nearest band, then the liquidations it sets off, against the resting order-book depth only (the book is not assumed to refill)${c.stop === 'beyond-depth' ? '; it ran past the fetched book' : ''}`}
          >
            Cascade {formatPrice(c.fromPrice, { step })} → {formatPrice(c.endPrice, { step })} ·{' '}
            {formatUsd(c.liquidatedUsd)} · {c.steps} {c.steps === 1 ? 'step' : 'steps'}
            {c.stop === 'beyond-depth' ? ' · past visible book' : ''}
          </span>
        )}
      </div>
    </div>
  );
}

/** A round 1-2-5 figure reads better without its ".0": $1B, $500M. */
