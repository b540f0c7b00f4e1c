import type { NearestBands, PlacedBand } from '../../lib/figures/nearest-bands';
import { formatPrice, formatShare, formatSignedPercent, formatUsd } from '../../lib/format';

interface Props {
  bands: NearestBands;
  price: number;
  binWidth: number;
}

/** The nearest bands above and below the price, laid out like a price axis: highest first. */
export function BandTable({ bands, price, binWidth }: Props) {
  const above = [...bands.above].reverse();
  return (
    <table class="bands" aria-label="Nearest liquidation bands above and below the price">
      <thead>
        <tr>
          <th scope="col">Side</th>
          <th scope="col">Range</th>
          <th scope="col" class="num">
            Dist
          </th>
          <th scope="col" class="num">
            Notional
          </th>
          <th scope="col" class="num" title="Share of all estimated liquidations on that side">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {above.length === 0 && <EmptyRow text="No band above the price" />}
        {above.map((b) => (
          <BandRow key={`a${b.band.low}`} near={b} step={binWidth} />
        ))}
        <tr class="price-row">
          <th scope="row">Price</th>
          <td class="num">{formatPrice(price)}</td>
          <td colSpan={3} />
        </tr>
        {bands.below.map((b) => (
          <BandRow key={`b${b.band.low}`} near={b} step={binWidth} />
        ))}
        {bands.below.length === 0 && <EmptyRow text="No band below the price" />}
      </tbody>
    </table>
  );
}

function BandRow({ near, step }: { near: PlacedBand; step: number }) {
  const { band } = near;
  return (
    <tr class="band-row" data-side={band.side}>
      <th scope="row">
        <span class={`swatch ${band.side}`} aria-hidden="true" />
        {band.side === 'long' ? 'Longs' : 'Shorts'}
      </th>
      <td class="num range">
        {formatPrice(band.low, { step })}–{formatPrice(band.high, { step })}
      </td>
      <td class="num">{formatSignedPercent(near.distancePct, 1)}</td>
      <td class="num strong">{formatUsd(band.notionalUsd)}</td>
      <td class="num">{formatShare(band.share)}</td>
    </tr>
  );
}

function EmptyRow({ text }: { text: string }) {
  return (
    <tr class="empty-row">
      <td colSpan={5} class="muted">
        {text}
      </td>
    </tr>
  );
}
