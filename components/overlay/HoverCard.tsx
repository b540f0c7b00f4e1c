import { formatPrice, formatShare, formatSignedPercent, formatUsd } from '../../lib/format';
import { VENUE_LABEL } from '../../lib/market/venue';
import type { PaintBand } from '../../lib/overlay/layers/bands';

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

/** Range, notional, share of its side, distance and split across venues of one band. */
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
      {band.venues.length > 0 && (
        <div class="venues" data-liqlens-hover-venues="">
          {band.venues.map((v) => (
            <div key={v.venue} data-venue={v.venue} data-usd={v.notionalUsd}>
              {VENUE_LABEL[v.venue]} <b>{formatUsd(v.notionalUsd)}</b>{' '}
              <span class="muted">
                {formatShare(band.notionalUsd > 0 ? v.notionalUsd / band.notionalUsd : 0)}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
