import { fundingCountdownMs } from '../../lib/figures/funding-countdown';
import { fundingDetail, type VenueTotals } from '../../lib/figures/venue-totals';
import { formatFundingRate, formatSignedPercent, formatUsd } from '../../lib/format';
import { VENUE_LABEL } from '../../lib/market/venue';
import type { VenueView } from '../../lib/model/cluster-view';
import { formatCountdown } from '../shared/countdown';

interface Props {
  venues: readonly VenueView[];
  total: VenueTotals;
  now: number;
}

/** Per venue: funding (8-hour equivalent), time to the next funding, open interest and its 24 h change. */
export function VenueTable({ venues, total, now }: Props) {
  return (
    <table class="venues" aria-label="Funding and open interest by venue">
      <thead>
        <tr>
          <th scope="col">Venue</th>
          <th scope="col" class="num" title="Current funding rate scaled to 8 hours">
            Funding 8h
          </th>
          <th scope="col" class="num" title="Time to the next funding (h:mm)">
            Next
          </th>
          <th scope="col" class="num" title="Open interest, one side, at the mark price">
            OI
          </th>
          <th scope="col" class="num" title="Open interest change over 24 hours">
            OI 24h
          </th>
        </tr>
      </thead>
      <tbody>
        {venues.map((v) => (
          <VenueRow key={v.venue} v={v} now={now} />
        ))}
      </tbody>
      <tfoot>
        <tr class="venue-total" data-venue="all">
          <th scope="row" title="Funding weighted by open interest; open interest summed">
            All
          </th>
          <td
            class={`num ${signClass(total.funding?.rate8h ?? null, 'long', 'short')}`}
            data-field="funding"
            title={
              total.funding ? fundingDetail(total.funding) : 'No venue gave both funding and open interest'
            }
          >
            {total.funding === null ? '—' : formatFundingRate(total.funding.rate8h)}
          </td>
          <td />
          <td class="num" data-field="oi">
            {total.openInterestUsd === null ? '—' : formatUsd(total.openInterestUsd)}
          </td>
          <td class={`num ${signClass(total.openInterestChange24hPct, 'up', 'down')}`} data-field="oi-change">
            {total.openInterestChange24hPct === null
              ? '—'
              : formatSignedPercent(total.openInterestChange24hPct, 1)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function VenueRow({ v, now }: { v: VenueView; now: number }) {
  const label = VENUE_LABEL[v.venue];
  if (v.status === 'failed' || v.status === 'disabled') {
    return (
      <tr class={`venue-row ${v.status}`} data-venue={v.venue} data-status={v.status}>
        <th scope="row">{label}</th>
        <td colSpan={4} class={v.status === 'failed' ? 'failure' : 'muted'} data-field="failure">
          {v.status === 'disabled' ? 'Off in the options' : (v.message ?? 'No data')}
        </td>
      </tr>
    );
  }
  const rate = v.fundingRate8h;
  const change = v.openInterestChange24hPct;
  return (
    <tr class={`venue-row ${v.status}`} data-venue={v.venue} data-status={v.status}>
      <th scope="row" title={v.message ?? v.instrument}>
        {label}
        {v.status === 'no-ledger' && (
          <span class="tag" title={v.message ?? 'Context only: not used by the model yet'}>
            context
          </span>
        )}
      </th>
      <td
        class={`num ${signClass(rate, 'long', 'short')}`}
        data-field="funding"
        title={rate === null ? '' : rate > 0 ? 'Longs pay shorts' : rate < 0 ? 'Shorts pay longs' : ''}
      >
        {rate === null ? '—' : formatFundingRate(rate)}
      </td>
      <td class="num muted" data-field="next-funding">
        {nextFunding(fundingCountdownMs(v, now))}
      </td>
      <td class="num" data-field="oi">
        {v.openInterestUsd === null ? '—' : formatUsd(v.openInterestUsd)}
      </td>
      <td class={`num ${signClass(change, 'up', 'down')}`} data-field="oi-change">
        {change === null ? '—' : formatSignedPercent(change, 1)}
      </td>
    </tr>
  );
}

/** h:mm to the next funding on the venue's clock; a time already past (old data) reads "due", not a false 0:00. */
function nextFunding(leftMs: number | null): string {
  if (leftMs === null) return '—';
  return leftMs <= 0 ? 'due' : formatCountdown(leftMs);
}

function signClass(value: number | null, positive: string, negative: string): string {
  if (value === null || value === 0) return '';
  return value > 0 ? positive : negative;
}
