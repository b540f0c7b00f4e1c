import { formatPrice, formatShare, formatSignedPercent, formatUsd } from '../../lib/format';
import type { PaintBand } from '../../lib/overlay/paint-plan';

interface Props {
  band: PaintBand;
  /** Live price, for the distance. */
  price: number;
  /** The map's bin width: band edges are bin edges, written with exactly its decimals. */
  step: number;
  color: string;
  /** Viewport px: the card's right edge and its vertical centre. */
  right: number;
  centreY: number;
}

/**
 * Range, notional, share of its side and distance of one band. The ClusterView has no per-venue split of a band
 * yet, so none is shown (rather than an invented one).
 */
export function HoverCard({ band, price, step, color, right, centreY }: Props) {
  const who = band.side === 'long' ? 'Longs' : 'Shorts';
  const mid = (band.low + band.high) / 2;
  return (
    <div
      class="hover-card"
      data-liqlens-hover=""
      data-side={band.side}
      data-low={band.low}
      data-high={band.high}
      data-usd={band.notionalUsd}
      data-share={band.share}
      style={{ right: `${right}px`, top: `${centreY}px` }}
    >
      <div class="who" style={{ color }}>
        {who} liquidations
      </div>
      <div>
        {formatPrice(band.low, { step })} – {formatPrice(band.high, { step })}
      </div>
      <div>
        <b>{formatUsd(band.notionalUsd)}</b>{' '}
        <span class="muted">
          · {formatShare(band.share)} of {who.toLowerCase()}
        </span>
      </div>
      <div class="muted">{formatSignedPercent(((mid - price) / price) * 100)} from the price</div>
    </div>
  );
}
