import { describe, expect, it } from 'vitest';
import { parseApiErrorBody } from './sync-errors';
import {
  encodeStreamEvent,
  parsePullResponse,
  parsePushResponse,
  parseStreamEvent,
} from './sync-wire';
import { parseEnrollResponse } from './enrollment';

describe('sync wire parsers', () => {
  it('accept what the server sends and refuse malformed envelopes', () => {
    const doc = { id: 'a', _deleted: false, x: 1 };
    expect(parsePullResponse({ documents: [doc], checkpoint: { seq: 3, id: 'a' } })).toEqual({
      ok: true,
      value: { documents: [doc], checkpoint: { seq: 3, id: 'a' } },
    });
    expect(parsePullResponse({ documents: [doc], checkpoint: null }).ok).toBe(true);
    expect(parsePullResponse({ documents: [{ id: 'a' }], checkpoint: null }).ok).toBe(false);
    expect(parsePullResponse({ documents: [], checkpoint: { seq: -1, id: '' } }).ok).toBe(false);
    expect(parsePullResponse([]).ok).toBe(false);
    expect(parsePushResponse({ conflicts: [doc] }).ok).toBe(true);
    expect(parsePushResponse({}).ok).toBe(false);
  });

  it('round-trips stream events through their SSE frame', () => {
    const events = [
      {
        type: 'hello',
        deviceId: 'kiosk-2345',
        serverTime: '2026-11-23T00:00:00.000Z',
        heartbeatSeconds: 20,
      },
      { type: 'resync' },
      {
        type: 'changes',
        collection: 'content',
        documents: [{ id: 'c', _deleted: false }],
        checkpoint: { seq: 9, id: 'c' },
      },
      { type: 'heartbeat', serverTime: '2026-11-23T00:00:20.000Z' },
      { type: 'closing', reason: 'revoked' },
    ] as const;
    for (const event of events) {
      const frame = encodeStreamEvent(event);
      const [, name, data] = /^event: (\w+)\ndata: (.*)\n\n$/.exec(frame)!;
      expect(parseStreamEvent(name!, data!)).toEqual({ ok: true, value: event });
    }
    expect(
      parseStreamEvent(
        'changes',
        '{"collection":"users","documents":[],"checkpoint":{"seq":1,"id":""}}',
      ).ok,
    ).toBe(false);
    expect(parseStreamEvent('surprise', '{}').ok).toBe(false);
    expect(parseStreamEvent('hello', 'not json').ok).toBe(false);
  });

  it('reads error bodies, with the refused rows', () => {
    const body = {
      error: {
        code: 'rejected_rows',
        message: '1 row refused',
        rejected: [{ index: 0, id: 'a', kind: 'invalid', message: '/x is required' }],
      },
    };
    expect(parseApiErrorBody(body)).toEqual(body);
    expect(parseApiErrorBody({ error: { code: 'nonsense', message: 'x' } })).toBeNull();
    expect(parseApiErrorBody('<html>')).toBeNull();
  });

  it('reads why a device was revoked, and drops a reason it does not know', () => {
    const revoked = { error: { code: 'device_revoked', message: 'revoked', revokeReason: 'lost' } };
    expect(parseApiErrorBody(revoked)).toEqual(revoked);
    expect(
      parseApiErrorBody({
        error: { code: 'device_revoked', message: 'revoked', revokeReason: 'angry <b>' },
      }),
    ).toEqual({ error: { code: 'device_revoked', message: 'revoked' } });
  });

  it('reads an enrollment answer', () => {
    const answer = {
      deviceId: 'tv-2345',
      token: 't',
      deviceTag: '2345',
      householdId: 'household-1',
      scope: { kind: 'tv', householdId: 'household-1', regionCode: '1525' },
    };
    expect(parseEnrollResponse(answer)).toEqual({ ok: true, value: answer });
    expect(parseEnrollResponse({ ...answer, scope: { kind: 'tv' } }).ok).toBe(false);
  });
});
