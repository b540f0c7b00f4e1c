import { formatDuration, formatShare, formatSignedPercent, formatUsd } from '../../lib/format';
import type { HlRealView } from '../../lib/hl-positions/real-view';

interface Props {
  hl: HlRealView;
  now: number;
}

/**
 * Hyperliquid's real positions beside the estimate: real against estimated Hyperliquid at-risk for the move,
 * coverage and agreement. Said plainly to cover one venue only.
 */
export function HlPositionsPanel({ hl, now }: Props) {
  if (hl.status === 'off') return null;
  const c = hl.coverage;
  const cmp = hl.comparison;
  return (
    <section class="hl-real" aria-label="Hyperliquid real positions" data-field="hl-real">
      <h2>
        Hyperliquid: real positions <span class="muted">(this venue only, not the whole market)</span>
      </h2>
      {hl.status === 'waiting' && (
        <p class="muted" data-field="hl-message">
          {hl.message}
        </p>
      )}
      {hl.status === 'ok' && cmp && (
        <table class="hl-compare">
          <thead>
            <tr>
              <th scope="col">At risk</th>
              <th scope="col">real</th>
              <th scope="col">estimated (Hyperliquid part)</th>
            </tr>
          </thead>
          <tbody>
            <tr data-direction="up">
              <th scope="row">Shorts {formatSignedPercent(cmp.movePct, 1)}</th>
              <td class="num" data-field="hl-real-up">
                {formatUsd(cmp.up.real)}
              </td>
              <td class="num" data-field="hl-est-up">
                {cmp.up.estimated === null ? '—' : formatUsd(cmp.up.estimated)}
              </td>
            </tr>
            <tr data-direction="down">
              <th scope="row">Longs {formatSignedPercent(-cmp.movePct, 1)}</th>
              <td class="num" data-field="hl-real-down">
                {formatUsd(cmp.down.real)}
              </td>
              <td class="num" data-field="hl-est-down">
                {cmp.down.estimated === null ? '—' : formatUsd(cmp.down.estimated)}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {hl.status === 'ok' && c && (
        <p class="muted hl-coverage" data-field="hl-coverage">
          Coverage{' '}
          <span data-field="hl-coverage-share">{c.share === null ? 'unknown' : formatShare(c.share)}</span> of
          Hyperliquid's open interest (long + short seen ÷ 2 × one-side OI) · {c.accounts} accounts
          {c.staleAccounts > 0 ? ` (${c.staleAccounts} stale)` : ''} · oldest{' '}
          {c.oldestAgeMs === null ? '—' : formatDuration(c.oldestAgeMs)} · cross margin{' '}
          {c.crossShare === null ? '—' : formatShare(c.crossShare)}
          {cmp && (
            <>
              {' '}
              · agreement with the estimate{' '}
              <span data-field="hl-agreement">
                {cmp.agreement === null ? '—' : formatShare(cmp.agreement)}
              </span>
            </>
          )}
        </p>
      )}
      <p
        class="muted hl-scan"
        data-field="hl-scan"
        title={`as of ${formatDuration(now - hl.computedAt)} ago`}
      >
        {hl.scan.knownAccounts} accounts known · {hl.scan.requestsLastMinute} requests in the last minute (at
        most {Math.round(hl.scan.rate)})
      </p>
    </section>
  );
}
