import { describeZodError } from '../util/zod';
import { type WsRecord, WsRecordSchema } from './types';

/** The debug export keeps the latest frames within both bounds. */
export const RECORDER_LIMITS = { frames: 20_000, chars: 8_000_000 } as const;

export interface WsRecorder {
  add(record: WsRecord): void;
  /** `liqlens.wsrec/1`: one JSON object per line, oldest first. */
  toJsonl(): string;
  readonly size: number;
}

/** A bounded ring of the frames received, for Options → Advanced → export. */
export function createWsRecorder(limits: { frames: number; chars: number } = RECORDER_LIMITS): WsRecorder {
  const lines: string[] = [];
  let head = 0;
  let chars = 0;
  return {
    add(record) {
      const line = JSON.stringify(record);
      lines.push(line);
      chars += line.length;
      while (lines.length - head > limits.frames || (chars > limits.chars && lines.length - head > 1)) {
        chars -= (lines[head] as string).length;
        head++;
      }
      // Compact now and then instead of shifting on every frame.
      if (head > 1024 && head * 2 > lines.length) {
        lines.splice(0, head);
        head = 0;
      }
    },
    toJsonl() {
      const kept = lines.slice(head);
      return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
    },
    get size() {
      return lines.length - head;
    },
  };
}

/**
 * Reads a `liqlens.wsrec/1` text: every non-blank line must be a record. The first bad line is the error,
 * named by its number, so a recording is taken whole or not at all.
 */
export function parseWsRecording(
  text: string,
): { ok: true; records: WsRecord[] } | { ok: false; error: string } {
  const records: WsRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { ok: false, error: `line ${i + 1}: not JSON` };
    }
    const parsed = WsRecordSchema.safeParse(json);
    if (!parsed.success) return { ok: false, error: `line ${i + 1}: ${describeZodError(parsed.error)}` };
    records.push(parsed.data);
  }
  return { ok: true, records };
}
