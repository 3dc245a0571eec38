/**
 * The bridge's schemas on both sides: the host refuses bad input (and fills defaults), the
 * renderer refuses bad answers and events, and a host that cannot answer becomes
 * `host_unavailable` — an `err` for Result methods, the status itself for status methods.
 */
import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../domain/result';
import { unwrap } from '../../domain/result';
import { decodeCardText, encodeCardText, SAMPLE_CARDS } from '../../idcard/index';
import type { HostUnavailableReason } from './common';
import { dispatchKioskCall } from './dispatch';
import { KIOSK_METHOD_NAMES, KIOSK_METHODS, type KioskHandlers, type KioskMethod } from './methods';
import { toBridgeReaderEvent } from './reader';
import { createKioskBridge, type KioskBridgeTransport } from './renderer-bridge';

const PNG = { mimeType: 'image/png', dataBase64: 'iVBORw0KGgo=' } as const;

describe('the method table', () => {
  it('compiles every schema (strict mode) and refuses a non-object answer', () => {
    for (const method of KIOSK_METHOD_NAMES) {
      const spec = KIOSK_METHODS[method];
      expect(() => spec.input({ unexpected: true })).not.toThrow();
      expect(spec.answer('nonsense').ok).toBe(false);
    }
  });
});

describe('host side: inputs', () => {
  it('fills defaults and accepts what callers send', () => {
    expect(KIOSK_METHODS['ocr.readIdCard'].input({ image: PNG })).toEqual(
      ok({ image: PNG, mode: 'card' }),
    );
    expect(KIOSK_METHODS['simulator.placeCard'].input(undefined)).toEqual(
      ok({ cardType: 'resident' }),
    );
    expect(KIOSK_METHODS['simulator.placeCard'].input({})).toEqual(ok({ cardType: 'resident' }));
    expect(KIOSK_METHODS['host.getInfo'].input(null)).toEqual(ok({}));
    expect(
      KIOSK_METHODS['print.getPrinterStatus'].input({ target: 'a4', printerName: 'HP_LaserJet' }),
    ).toEqual(ok({ target: 'a4', printerName: 'HP_LaserJet' }));
  });

  it('refuses bad input naming the field', () => {
    const issues = (method: KioskMethod, raw: unknown) => {
      const parsed = KIOSK_METHODS[method].input(raw);
      return parsed.ok ? [] : parsed.error.map((i) => i.path);
    };
    expect(issues('ocr.readIdCard', { image: { ...PNG, mimeType: 'image/gif' } })).toEqual([
      '/image/mimeType',
    ]);
    expect(issues('ocr.readIdCard', { image: { ...PNG, dataBase64: 'abc' } })).toEqual([
      '/image/dataBase64',
    ]);
    expect(issues('ocr.readIdCard', { image: PNG, mode: 'fast' })).toEqual(['/mode']);
    expect(issues('host.getInfo', { extra: 1 })).toEqual(['/extra']);
    expect(issues('print.getPrinterStatus', { target: 'receipt', printerName: '-o evil' })).toEqual(
      ['/printerName'],
    );
    expect(issues('print.getPrinterStatus', { target: 'fax' })).toEqual(['/target']);
    expect(issues('secrets.setDeviceToken', { token: 'short' })).toEqual(['/token']);
    expect(issues('simulator.setLatency', { ms: 1.5 })).toEqual(['/ms']);
    expect(issues('print.renderPdf', { document: { kind: 'poster' } })).not.toEqual([]);
    expect(issues('print.printDocument', { document: {}, copies: 9 })).toContain('/copies');
  });

  it('takes an 8 MB image and refuses a larger one before decoding it', () => {
    const fits = 'A'.repeat(Math.floor((8 * 1024 * 1024) / 3) * 4);
    expect(
      KIOSK_METHODS['ocr.readIdCard'].input({ image: { mimeType: 'image/jpeg', dataBase64: fits } })
        .ok,
    ).toBe(true);
    const big = 'A'.repeat(Math.ceil((8 * 1024 * 1024) / 3) * 4 + 4);
    const parsed = KIOSK_METHODS['ocr.readIdCard'].input({
      image: { mimeType: 'image/jpeg', dataBase64: big },
    });
    expect(parsed.ok).toBe(false);
  });

  it('dispatch runs the handler with the parsed input and reports bad calls', async () => {
    const seen: unknown[] = [];
    const handlers = {
      'ocr.readIdCard': async (input: unknown) => {
        seen.push(input);
        return err({ kind: 'engineUnavailable', message: 'not started' });
      },
    } as unknown as KioskHandlers; // only the method under test is called
    expect(await dispatchKioskCall(handlers, 'ocr.readIdCard', { image: PNG })).toEqual(
      ok(err({ kind: 'engineUnavailable', message: 'not started' })),
    );
    expect(seen).toEqual([{ image: PNG, mode: 'card' }]);
    expect(await dispatchKioskCall(handlers, 'ocr.nope', {})).toEqual(
      err({ kind: 'unknownMethod', method: 'ocr.nope' }),
    );
    expect(await dispatchKioskCall(handlers, 'ocr.readIdCard', {})).toMatchObject(
      err({ kind: 'invalidInput', method: 'ocr.readIdCard' }),
    );
  });
});

/** A link whose answers the test sets per method. */
function fakeLink(answers: Partial<Record<KioskMethod, Result<unknown, HostUnavailableReason>>>) {
  const listeners = new Set<(event: unknown) => void>();
  const calls: KioskMethod[] = [];
  const transport: KioskBridgeTransport = {
    async call(method) {
      calls.push(method);
      const answer = answers[method];
      if (answer === undefined) throw new Error(`invalid input to ${method}`);
      return answer;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, calls, push: (event: unknown) => listeners.forEach((l) => l(event)) };
}

describe('renderer side: answers', () => {
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);

  it('passes answers that match their schema', async () => {
    const info = { bridgeVersion: 1, simulator: true, ocr: 'starting' };
    const key = { key: 'ab'.repeat(32), protection: 'file-0600' };
    const status = { kind: 'noPaper', printer: 'E2E_RECEIPT_80MM' };
    const link = fakeLink({
      'host.getInfo': ok(info),
      'secrets.getDatabaseKey': ok(ok(key)),
      'secrets.setDeviceToken': ok({ ok: true }),
      'print.getPrinterStatus': ok(status),
      'reader.getStatus': ok({
        kind: 'disconnected',
        reason: { code: 'transport', transport: {} },
      }),
    });
    const kiosk = createKioskBridge(link.transport, { log });
    expect(await kiosk.host.getInfo()).toEqual(info);
    expect(await kiosk.secrets.getDatabaseKey()).toEqual(ok(key));
    expect(await kiosk.secrets.setDeviceToken({ token: 'x'.repeat(16) })).toEqual(ok());
    expect(await kiosk.print.getPrinterStatus({ target: 'receipt' })).toEqual(status);
    expect(await kiosk.reader.getStatus()).toMatchObject({ kind: 'disconnected' });
  });

  it('refuses bad answers as host_unavailable (badAnswer) and logs why', async () => {
    logged.length = 0;
    const link = fakeLink({
      // Another bridge version.
      'host.getInfo': ok({ bridgeVersion: 2, simulator: true, ocr: 'ready' }),
      // Not a Result at all.
      'secrets.getDatabaseKey': ok({ key: 'ab'.repeat(32), protection: 'file-0600' }),
      // A key that is not 64 hex characters.
      'secrets.getDeviceToken': ok(ok(42)),
      // An error kind the bridge does not know.
      'ocr.readIdCard': ok(err({ kind: 'onFire', message: '' })),
      // A void Result with a value.
      'simulator.liftCard': ok(ok('surprise')),
      'print.getPrinterStatus': ok({ kind: 'ready', printer: 'P' }),
      'print.printDocument': ok(ok({ printer: 'P', title: 't', pageSize: { widthMm: 80 } })),
    });
    const kiosk = createKioskBridge(link.transport, { log });
    const unavailable = { kind: 'hostUnavailable', code: 'host_unavailable', reason: 'badAnswer' };
    expect(await kiosk.host.getInfo()).toEqual(unavailable);
    expect(await kiosk.secrets.getDatabaseKey()).toEqual(err(unavailable));
    expect(await kiosk.secrets.getDeviceToken()).toEqual(err(unavailable));
    expect(await kiosk.ocr.readIdCard({ image: PNG, mode: 'card' })).toEqual(err(unavailable));
    expect(await kiosk.simulator.liftCard()).toEqual(err(unavailable));
    expect(await kiosk.print.getPrinterStatus({ target: 'a4' })).toEqual(unavailable);
    expect(await kiosk.print.printDocument({ document: {} as never, copies: 1 })).toEqual(
      err(unavailable),
    );
    expect(logged).toHaveLength(7);
    expect(logged[0]).toMatch(/host\.getInfo: \/bridgeVersion/);
  });

  it('turns a link that cannot answer into host_unavailable with its reason', async () => {
    const link = fakeLink({
      'secrets.getDatabaseKey': err('timeout'),
      'print.printDocument': err('disconnected'),
      'reader.getStatus': err('closed'),
      'host.getInfo': err('hostFailed'),
    });
    const kiosk = createKioskBridge(link.transport, { log });
    expect(await kiosk.secrets.getDatabaseKey()).toEqual(
      err({ kind: 'hostUnavailable', code: 'host_unavailable', reason: 'timeout' }),
    );
    expect(await kiosk.print.printDocument({ document: {} as never, copies: 1 })).toEqual(
      err({ kind: 'hostUnavailable', code: 'host_unavailable', reason: 'disconnected' }),
    );
    expect(await kiosk.reader.getStatus()).toEqual({
      kind: 'hostUnavailable',
      code: 'host_unavailable',
      reason: 'closed',
    });
    expect(await kiosk.host.getInfo()).toMatchObject({ code: 'host_unavailable' });
  });

  it('still rejects a call the host refused as invalid (a caller bug)', async () => {
    const kiosk = createKioskBridge(fakeLink({}).transport, { log });
    await expect(kiosk.secrets.setDeviceToken({ token: 'short' })).rejects.toThrow(/invalid/);
  });

  it('builds every method of the table', () => {
    const kiosk = createKioskBridge(fakeLink({}).transport, { log });
    const names = Object.entries(kiosk).flatMap(([ns, methods]) =>
      Object.keys(methods as object).map((m) => `${ns}.${m}`),
    );
    expect(names.sort()).toEqual([...KIOSK_METHOD_NAMES, 'reader.subscribe'].sort());
  });
});

/** The card data a reader decodes from a sample card's chip. */
const decoded = (card: (typeof SAMPLE_CARDS)[keyof typeof SAMPLE_CARDS]) =>
  unwrap(decodeCardText(encodeCardText(card)));

describe('renderer side: events', () => {
  it('delivers reader events that parse, photo-less cards included, and drops the rest', () => {
    const logged: string[] = [];
    const link = fakeLink({});
    const kiosk = createKioskBridge(link.transport, { log: (l) => logged.push(l) });
    const seen: unknown[] = [];
    const off = kiosk.reader.subscribe((event) => seen.push(event));
    const card = decoded(SAMPLE_CARDS['resident']);
    const read = toBridgeReaderEvent({ type: 'cardRead', card });
    link.push({ source: 'reader', event: read });
    link.push({ source: 'reader', event: { type: 'cardPlaced' } });
    // A card with its photo (the host must strip it), an unknown event, a foreign source.
    link.push({ source: 'reader', event: { type: 'cardRead', card: { ...card, photo: {} } } });
    link.push({ source: 'reader', event: { type: 'exploded' } });
    link.push({ source: 'printer', event: { type: 'cardPlaced' } });
    link.push('not an event');
    expect(seen).toEqual([read, { type: 'cardPlaced' }]);
    expect(logged).toHaveLength(4);
    off();
    link.push({ source: 'reader', event: { type: 'cardRemoved' } });
    expect(seen).toHaveLength(2);
  });

  it('accepts every sample card type', () => {
    const link = fakeLink({});
    const kiosk = createKioskBridge(link.transport, { log: () => {} });
    const seen: unknown[] = [];
    kiosk.reader.subscribe((event) => seen.push(event));
    for (const card of Object.values(SAMPLE_CARDS)) {
      const read = toBridgeReaderEvent({ type: 'cardRead', card: decoded(card) });
      link.push({ source: 'reader', event: read });
    }
    expect(seen).toHaveLength(Object.keys(SAMPLE_CARDS).length);
  });
});
