import { describe, expect, it } from 'vitest';
import { entryText, parseHar, parseHarText } from '../../lib/http/har';
import { harNow } from '../../lib/http/har-replay';

const entry = (
  startedDateTime: string,
  url = 'https://fapi.binance.com/fapi/v1/openInterest?symbol=BTCUSDT',
) => ({
  startedDateTime,
  time: 12,
  request: { method: 'GET', url, headers: [], httpVersion: 'HTTP/2' },
  response: {
    status: 200,
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    content: { size: 2, mimeType: 'application/json', text: '{}' },
    _transferSize: 300,
  },
});

describe('HAR schema', () => {
  it('accepts the subset it reads and keeps extra fields', () => {
    const r = parseHar({
      log: { version: '1.2', creator: { name: 'x' }, entries: [entry('2026-11-02T14:00:00.000Z')] },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error(r.error);
    const first = r.value.log.entries[0];
    expect(first?.request.headers).toEqual([]);
    expect((first?.response as Record<string, unknown> | undefined)?._transferSize).toBe(300);
  });

  it('defaults missing header lists to empty', () => {
    const e = entry('2026-11-02T14:00:00Z');
    const { headers: _h, ...request } = e.request;
    const r = parseHar({ log: { entries: [{ ...e, request }] } });
    expect(r.ok && r.value.log.entries[0]?.request.headers).toEqual([]);
  });

  it('names the field path of what is wrong', () => {
    const bad = entry('2026-11-02T14:00:00Z');
    const r = parseHar({ log: { entries: [bad, { ...bad, response: { ...bad.response, status: '200' } }] } });
    expect(r).toEqual({
      ok: false,
      error:
        'not a usable HAR file: log.entries[1].response.status: Invalid input: expected number, received string',
    });
    const date = parseHar({ log: { entries: [entry('yesterday')] } });
    expect(date.ok ? '' : date.error).toBe(
      'not a usable HAR file: log.entries[0].startedDateTime: expected an ISO 8601 date',
    );
  });

  it('rejects a HAR without entries and text that is not JSON', () => {
    const empty = parseHar({ log: { entries: [] } });
    expect(empty.ok ? '' : empty.error).toBe(
      'not a usable HAR file: log.entries: a replay needs at least one recorded request',
    );
    expect(parseHarText('{"log": ')).toEqual({ ok: false, error: 'not a usable HAR file: it is not JSON' });
  });

  it('decodes base64 bodies', () => {
    const r = parseHar({ log: { entries: [entry('2026-11-02T14:00:00Z')] } });
    if (!r.ok) throw new Error(r.error);
    const e = r.value.log.entries[0];
    if (!e) throw new Error('no entry');
    e.response.content = { text: btoa('{"a":"µ"}'.replace('µ', '\u00c2\u00b5')), encoding: 'base64' };
    expect(JSON.parse(entryText(e))).toEqual({ a: 'µ' });
  });
});

describe('harNow', () => {
  it('is the latest startedDateTime, whatever the order', () => {
    const r = parseHar({
      log: {
        entries: [
          entry('2026-11-02T14:00:00.000Z'),
          entry('2026-11-02T15:30:00.250Z'),
          entry('2026-11-02T15:00:00.000+02:00'),
        ],
      },
    });
    if (!r.ok) throw new Error(r.error);
    expect(harNow(r.value)).toBe(Date.UTC(2026, 10, 2, 15, 30, 0, 250));
  });
});
