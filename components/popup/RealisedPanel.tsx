import { useMemo } from 'preact/hooks';
import type { RealisedSummary } from '../../lib/liquidations/types';
import { type RealisedPopupModel, realisedPopupModel } from './realised-model';
import { Sparkline } from './Sparkline';

interface Props {
  summary: RealisedSummary | null;
  /** The summary could not be had (the background did not answer), in words. */
  error: string | null;
}

/**
 * Realised liquidations, the venues' own prints: 1 h and 24 h totals by side and venue, the 5-minute velocity with
 * a sparkline, and what each venue's feed covers. Always labelled realised, shown apart from the estimates and
 * never added to them.
 */
export function RealisedPanel({ summary, error }: Props) {
  const model = useMemo(() => (summary ? realisedPopupModel(summary) : null), [summary]);
  return (
    <section class="realised" aria-label="Realised liquidations" data-section="realised">
      <h2 class="section-title">
        Realised liquidations <span class="tag">realised</span>
      </h2>
      {model ? (
        <RealisedBody model={model} />
      ) : (
        <p class="muted" data-field="realised-empty">
          {error ?? 'Waiting for the venues’ liquidation feeds…'}
        </p>
      )}
    </section>
  );
}

function RealisedBody({ model }: { model: RealisedPopupModel }) {
  const { velocity } = model;
  return (
    <>
      <div class="velocity-row">
        <span
          class={`velocity ${velocity.side ?? ''}`}
          data-field="velocity"
          data-side={velocity.side ?? undefined}
          data-usd={velocity.usd ?? undefined}
        >
          {velocity.text}
        </span>
        <Sparkline bars={model.bars} peakUsd={model.peakUsd} />
      </div>
      {velocity.gap && (
        <p class="notice warn" data-field="velocity-gap">
          {velocity.gap}: the figure is a lower bound
        </p>
      )}
      <table class="realised-table" aria-label="Realised liquidations by venue">
        <thead>
          <tr>
            <th scope="col">Venue</th>
            <th scope="col" class="num" title="Longs liquidated in the last hour">
              Longs 1h
            </th>
            <th scope="col" class="num" title="Shorts liquidated in the last hour">
              Shorts 1h
            </th>
            <th scope="col" class="num" title="Longs liquidated in the last 24 hours">
              Longs 24h
            </th>
            <th scope="col" class="num" title="Shorts liquidated in the last 24 hours">
              Shorts 24h
            </th>
            <th scope="col">Feed</th>
          </tr>
        </thead>
        <tbody>
          {model.venues.map((v) => (
            <tr
              key={v.venue}
              class="realised-row"
              data-venue={v.venue}
              data-coverage={v.coverage}
              data-rejected={v.rejected}
            >
              <th scope="row">{v.label}</th>
              {v.h1 && v.h24 ? (
                <>
                  <td class="num long" data-field="h1-long">
                    {v.h1.long}
                  </td>
                  <td class="num short" data-field="h1-short">
                    {v.h1.short}
                  </td>
                  <td class="num long" data-field="h24-long">
                    {v.h24.long}
                  </td>
                  <td class="num short" data-field="h24-short">
                    {v.h24.short}
                  </td>
                </>
              ) : (
                <td colSpan={4} class="muted" data-field="coverage">
                  {v.coverage}: {v.coverageNote}
                </td>
              )}
              <td class="feed" title={v.gaps.length ? `Gaps: ${v.gaps.join(', ')}` : undefined}>
                {v.state !== null && (
                  <span class={`feed-state${v.state.startsWith('gap') ? ' bad' : ''}`} data-field="state">
                    {v.state}
                  </span>
                )}
                {v.h1 && (
                  <span class="coverage" data-field="coverage" title={v.coverageNote}>
                    {v.coverage}
                  </span>
                )}
                {v.rejected > 0 && (
                  <span class="rejected" data-field="rejected" title="Malformed frames or items skipped">
                    {v.rejected} bad
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="realised-total" data-venue="all">
            <th scope="row">All</th>
            <td class="num long" data-field="h1-long" data-usd={model.h1.long}>
              {model.h1.longText}
            </td>
            <td class="num short" data-field="h1-short" data-usd={model.h1.short}>
              {model.h1.shortText}
            </td>
            <td class="num long" data-field="h24-long" data-usd={model.h24.long}>
              {model.h24.longText}
            </td>
            <td class="num short" data-field="h24-short" data-usd={model.h24.short}>
              {model.h24.shortText}
            </td>
            <td class="muted">{model.h1.complete && model.h24.complete ? '' : 'gap: lower bound'}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
