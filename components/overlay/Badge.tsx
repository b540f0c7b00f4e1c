import { Fragment } from 'preact';
import { formatUsd } from '../../lib/format';
import type { BadgeModel } from '../../lib/overlay/badge-model';
import type { VelocityLine } from '../../lib/realised/velocity';
import { pure } from './pure';

interface Props {
  model: BadgeModel;
  /** Realised liquidations in the last 5 minutes (null: no summary from the background yet). */
  velocity: VelocityLine | null;
  collapsed: boolean;
  longColor: string;
  shortColor: string;
  onToggle(): void;
  onHide(): void;
  /** The heatmap switch: shown when given. */
  heatmap?: { on: boolean; toggle(): void };
  /** The profile (the whole map along the right edge) is drawn: the badge says what it is. */
  profileOn?: boolean;
}

/** Keeps a mouse click from moving focus out of the chart (its keyboard shortcuts stay live). */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * The compact badge: shorts at risk going up and longs going down for the move, from the live price; aggregate
 * funding; data age; venue failures and staleness shown, never hidden. Its figures are also data attributes, for
 * the end-to-end tests.
 */
export const Badge = pure(function Badge({
  model,
  velocity,
  collapsed,
  longColor,
  shortColor,
  onToggle,
  onHide,
  heatmap,
  profileOn = false,
}: Props) {
  const [up, down] = model.lines ?? [null, null];
  const color = (side: 'long' | 'short') => (side === 'long' ? longColor : shortColor);
  return (
    <div
      class={`badge state-${model.state}${model.stale ? ' stale' : ''}`}
      data-liqlens-badge=""
      data-state={model.state}
      data-asset={model.title}
      data-collapsed={String(collapsed)}
      data-price={model.price?.price}
      data-price-source={model.price?.source}
      data-move-pct={up ? up.movePct : undefined}
      data-up-usd={up?.notionalUsd}
      data-up-price={up?.price}
      data-down-usd={down?.notionalUsd}
      data-down-price={down?.price}
      data-view-price={model.view?.price}
      data-view-move-pct={model.view?.movePct}
      data-view-up-usd={model.view?.upUsd}
      data-view-down-usd={model.view?.downUsd}
      data-funding={model.funding?.rate8h}
      data-funding-venues={model.funding?.venues}
      data-age-ms={model.ageMs ?? undefined}
      data-stale={String(model.stale)}
      data-notes={model.notes.length}
    >
      <div class="head">
        <span class="title">{model.title}</span>
        {model.priceText && (
          <span class="price" title={`Price from the ${model.price?.source}`}>
            {model.priceText}
          </span>
        )}
        {collapsed && up && down && (
          <span class="mini">
            <span style={{ color: color(up.side) }}>↑{up.usdText}</span>{' '}
            <span style={{ color: color(down.side) }}>↓{down.usdText}</span>
          </span>
        )}
        <span class="spacer" />
        {model.ageText && (
          <span class={`age${model.stale ? ' warn' : ''}`} data-field="age">
            {model.stale ? 'stale · ' : ''}
            {model.ageText}
          </span>
        )}
        <button
          type="button"
          class="icon"
          data-liqlens-collapse=""
          aria-label={collapsed ? 'Expand the LiqLens badge' : 'Collapse the LiqLens badge'}
          aria-expanded={!collapsed}
          onMouseDown={keepFocus}
          onClick={onToggle}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        {heatmap && (
          <button
            type="button"
            class="icon"
            data-liqlens-heatmap-switch={heatmap.on ? 'on' : 'off'}
            aria-pressed={heatmap.on}
            aria-label={heatmap.on ? 'Hide the estimated heatmap' : 'Show the estimated heatmap'}
            title={heatmap.on ? 'Hide the estimated heatmap' : 'Show the estimated heatmap'}
            onMouseDown={keepFocus}
            onClick={heatmap.toggle}
          >
            ▦
          </button>
        )}
        <button
          type="button"
          class="icon"
          data-liqlens-hide=""
          aria-label="Hide LiqLens on this page"
          title="Hide LiqLens on this page"
          onMouseDown={keepFocus}
          onClick={onHide}
        >
          ×
        </button>
      </div>
      {!collapsed && model.message && (
        <div class="message" data-field="message">
          {model.message}
        </div>
      )}
      {!collapsed &&
        model.lines?.map((line) => (
          <Fragment key={line.direction}>
            <div class="line" data-direction={line.direction}>
              <span class="who" style={{ color: color(line.side) }}>
                {line.label}
              </span>
              <span class="usd" data-field={`${line.direction}-usd`}>
                {line.usdText}
              </span>
              <span class="muted">at</span>
              <span class="move">{line.moveText}</span>
              <span class="muted">{line.priceText}</span>
              <span
                class="muted"
                data-field="estimate"
                data-calibration={line.calibrated.status}
                title={line.calibrated.note ?? undefined}
              >
                {line.calibrated.label}
              </span>
            </div>
            {line.calibrated.status !== 'off' && (
              <div class="calibration muted" data-field={`${line.direction}-calibration`}>
                {line.calibrated.range
                  ? `${formatUsd(line.calibrated.range.low)}–${formatUsd(line.calibrated.range.high)} at 95 % · model ${formatUsd(line.calibrated.modelUsd)}`
                  : 'not enough data yet: figure not calibrated'}
              </div>
            )}
          </Fragment>
        ))}
      {!collapsed && model.funding && (
        <div class="funding" title={model.funding.detail} data-field="funding">
          <span class="muted">Funding 8h</span> {model.funding.text}
          <span class="muted"> (OI-weighted)</span>
        </div>
      )}
      {!collapsed && heatmap?.on && (
        <div class="muted" data-field="heatmap-label">
          Heatmap: the estimated map at each candle's close
        </div>
      )}
      {!collapsed && profileOn && model.lines && (
        <div class="muted" data-field="profile-label">
          Profile at the right edge: the whole estimated map
        </div>
      )}
      {!collapsed && velocity && (
        <div
          class="velocity"
          data-field="velocity"
          data-side={velocity.side ?? undefined}
          data-usd={velocity.usd ?? undefined}
          title={
            velocity.gap ? `${velocity.gap}: the figure is a lower bound` : 'Realised: the venues’ own prints'
          }
        >
          <span class="muted">Realised</span>{' '}
          <span style={velocity.side ? { color: color(velocity.side) } : undefined}>{velocity.text}</span>
        </div>
      )}
      {!collapsed &&
        model.notes.map((note) => (
          <div class="note" key={note} data-field="note">
            ⚠ {note}
          </div>
        ))}
    </div>
  );
});

export function RestoreButton({ onRestore }: { onRestore(): void }) {
  return (
    <button
      type="button"
      class="restore"
      data-liqlens-restore=""
      aria-label="Show LiqLens again"
      title="Show LiqLens again"
      onMouseDown={keepFocus}
      onClick={onRestore}
    >
      LL
    </button>
  );
}
