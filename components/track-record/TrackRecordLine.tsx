import type { TrackRecord } from '../../lib/track-record/aggregate';
import { TrackRecordChart } from './TrackRecordChart';
import { trackRecordSummary } from './track-record-text';

export type TrackRecordState =
  | { status: 'ready'; record: TrackRecord }
  /** No record to show, and why in words (no band stored yet, the feeds are off, the request failed). */
  | { status: 'none'; message: string };

interface Props {
  state: TrackRecordState;
  onOpen: () => void;
}

/** The popup's "Track record, 7 d" line and its small chart, with the way to the explanation page. */
export function TrackRecordLine({ state, onOpen }: Props) {
  return (
    <section class="track-record" aria-label="Track record, 7 days" data-field="track-record">
      <div class="tr-head">
        <strong>Track record, 7 d</strong>
        <button type="button" class="link" onClick={onOpen} data-field="track-record-open">
          what these figures mean
        </button>
      </div>
      {state.status === 'none' ? (
        <p class="muted tr-parts" data-field="track-record-none">
          {state.message}
        </p>
      ) : (
        <>
          <p class="tr-parts" data-field="track-record-summary">
            {trackRecordSummary(state.record).join(' · ')}
          </p>
          <TrackRecordChart daily={state.record.daily} from={state.record.from} />
        </>
      )}
    </section>
  );
}
