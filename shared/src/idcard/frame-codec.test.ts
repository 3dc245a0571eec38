import { describe, expect, it } from 'vitest';
import {
  decodeCommandFrame,
  decodeResponseFrame,
  describeFrameError,
  encodeCommandFrame,
  encodeResponseFrame,
  FrameDecoder,
  parseHex,
  toHex,
  type DecodedItem,
} from './frame-codec';
import { DEFAULT_SAM_COMMANDS } from './sam-commands';
import { KNOWN_SAM_STATUS_CODES, formatSamStatus, samStatusInfo } from './sam-status';

const bytes = (hex: string) => {
  const parsed = parseHex(hex);
  if (!parsed.ok) throw new Error(`bad hex in test: ${hex}`);
  return parsed.value;
};

describe('command frames (docs/idcard-protocol.md §1 table)', () => {
  it.each([
    ['resetSam', 'AA AA AA 96 69 00 03 10 FF EC'],
    ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['samId', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
    ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
    ['readText', 'AA AA AA 96 69 00 03 30 01 32'],
    ['readAppendedAddress', 'AA AA AA 96 69 00 03 30 03 30'],
    ['readTextFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
  ] as const)('%s encodes to %s', (name, frame) => {
    expect(toHex(encodeCommandFrame(DEFAULT_SAM_COMMANDS[name]))).toBe(frame);
  });

  it('encodes a command with data (set max RF frame bytes 61 FF 50)', () => {
    expect(toHex(encodeCommandFrame([0x61, 0xff, 0x50]))).toBe('AA AA AA 96 69 00 04 61 FF 50 CA');
  });

  it('rejects malformed command codes as a bug', () => {
    expect(() => encodeCommandFrame([0x20])).toThrow();
    expect(() => encodeCommandFrame([0x20, 0x100])).toThrow();
  });

  it('round-trips through the simulator-side command decoder', () => {
    const decoded = decodeCommandFrame(bytes('AA AA AA 96 69 00 04 61 FF 50 CA'));
    expect(decoded.ok && Array.from(decoded.value)).toEqual([0x61, 0xff, 0x50]);
    const bad = decodeCommandFrame(bytes('AA AA AA 96 69 00 03 20 01 23'));
    expect(bad).toEqual({
      ok: false,
      error: { kind: 'badChecksum', expected: 0x22, actual: 0x23 },
    });
  });
});

describe('response frames: the doc examples (§7)', () => {
  it('find → card present: 9F with 4 zero bytes', () => {
    const r = decodeResponseFrame(bytes('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.status.key).toBe('findSuccess');
    expect(Array.from(r.value.data)).toEqual([0, 0, 0, 0]);
    expect(r.value.frameSize).toBe(15);
  });

  it('find → no card: 80', () => {
    const r = decodeResponseFrame(bytes('AA AA AA 96 69 00 04 00 00 80 84'));
    expect(r.ok && r.value.status).toMatchObject({ sw3: 0x80, key: 'noCard', zh: '寻找证/卡失败' });
  });

  it('select → 90 with 8 bytes; select fail 81; read fail 41', () => {
    const ok = decodeResponseFrame(
      bytes('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'),
    );
    expect(ok.ok && [ok.value.status.key, ok.value.data.length]).toEqual(['success', 8]);
    const sel = decodeResponseFrame(bytes('AA AA AA 96 69 00 04 00 00 81 85'));
    expect(sel.ok && sel.value.status.key).toBe('selectFailed');
    const read = decodeResponseFrame(bytes('AA AA AA 96 69 00 04 00 00 41 45'));
    expect(read.ok && read.value.status.key).toBe('readFailed');
  });
});

describe('status words', () => {
  it.each(KNOWN_SAM_STATUS_CODES.map((c) => [c]))('SW3 %i decodes with its meaning', (sw3) => {
    const r = decodeResponseFrame(encodeResponseFrame(sw3));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.status.sw3).toBe(sw3);
    expect(r.value.status.key).not.toBe('unknownStatus');
    expect(r.value.status.zh.length).toBeGreaterThan(0);
    expect(r.value.status.en.length).toBeGreaterThan(0);
  });

  it('documents every SW3 value of the protocol table', () => {
    expect([...KNOWN_SAM_STATUS_CODES].sort((a, b) => a - b)).toEqual([
      0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81,
      0x90, 0x91, 0x9f,
    ]);
  });

  it('an undocumented SW3 is still a value, named as unknown', () => {
    const r = decodeResponseFrame(encodeResponseFrame(0x55));
    expect(r.ok && r.value.status.key).toBe('unknownStatus');
    expect(formatSamStatus(samStatusInfo(0x80))).toBe('80 寻找证/卡失败 (no card)');
  });
});

describe('decode errors', () => {
  it('bad checksum', () => {
    const frame = bytes('AA AA AA 96 69 00 04 00 00 80 85');
    const r = decodeResponseFrame(frame);
    expect(r).toEqual({ ok: false, error: { kind: 'badChecksum', expected: 0x84, actual: 0x85 } });
    if (!r.ok) expect(describeFrameError(r.error)).toMatch(/bad checksum/);
  });

  it('truncated: the header announces more than is there', () => {
    const full = encodeResponseFrame(0x90, new Uint8Array(20));
    const r = decodeResponseFrame(full.subarray(0, full.length - 3));
    expect(r).toEqual({
      ok: false,
      error: { kind: 'truncated', expected: full.length, actual: full.length - 3 },
    });
    expect(decodeResponseFrame(full.subarray(0, 6))).toEqual({
      ok: false,
      error: { kind: 'truncated', expected: 7, actual: 6 },
    });
  });

  it('no preamble at all', () => {
    expect(decodeResponseFrame(bytes('00 11 22 33'))).toEqual({
      ok: false,
      error: { kind: 'noPreamble', scanned: 4 },
    });
  });

  it('impossible LEN and non-zero SW1/SW2', () => {
    expect(decodeResponseFrame(bytes('AA AA AA 96 69 00 02 00 02'))).toMatchObject({
      ok: false,
      error: { kind: 'badLength', length: 2 },
    });
    expect(decodeResponseFrame(bytes('AA AA AA 96 69 FF FF 00'))).toMatchObject({
      ok: false,
      error: { kind: 'badLength', length: 0xffff },
    });
    const frame = bytes('AA AA AA 96 69 00 04 01 00 80 85');
    expect(decodeResponseFrame(frame)).toEqual({
      ok: false,
      error: { kind: 'badStatusWord', sw1: 1, sw2: 0 },
    });
  });
});

describe('streaming decoder', () => {
  const found = bytes('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  const noCard = bytes('AA AA AA 96 69 00 04 00 00 80 84');

  it('skips noise before the preamble, including partial preambles', () => {
    const noise = bytes('00 FF AA AA 96 AA 69 AA AA AA');
    const decoder = new FrameDecoder();
    const items = decoder.push(new Uint8Array([...noise, ...found]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'frame', noiseBefore: noise.length });
  });

  it('reassembles a frame split at every possible position', () => {
    const stream = new Uint8Array([...found, ...noCard]);
    for (let cut = 0; cut <= stream.length; cut++) {
      const decoder = new FrameDecoder();
      const items = [
        ...decoder.push(stream.subarray(0, cut)),
        ...decoder.push(stream.subarray(cut)),
      ];
      expect(items.map((i) => i.type === 'frame' && i.response.status.sw3)).toEqual([0x9f, 0x80]);
    }
  });

  it('reassembles a 1295-byte reply fed one byte at a time', () => {
    const big = encodeResponseFrame(0x90, new Uint8Array(1284).fill(0xaa));
    const decoder = new FrameDecoder();
    const items: DecodedItem[] = [];
    for (const b of big) items.push(...decoder.push(new Uint8Array([b])));
    expect(items).toHaveLength(1);
    expect(items[0]!.type === 'frame' && items[0]!.response.data.length).toBe(1284);
  });

  it('resyncs after a corrupt frame and still finds the next one', () => {
    const corrupt = found.slice();
    corrupt[11] = 0x01;
    const decoder = new FrameDecoder();
    const items = decoder.push(new Uint8Array([...corrupt, ...noCard]));
    expect(items[0]).toMatchObject({ type: 'error', error: { kind: 'badChecksum' } });
    expect(items.at(-1)).toMatchObject({ type: 'frame', response: { status: { sw3: 0x80 } } });
  });

  it('reset drops a half-received frame', () => {
    const decoder = new FrameDecoder();
    decoder.push(found.subarray(0, 9));
    expect(decoder.pending()).toEqual({ expected: 15, actual: 9 });
    decoder.reset();
    expect(decoder.buffered).toBe(0);
    expect(decoder.push(noCard)).toHaveLength(1);
  });
});

describe('parseHex', () => {
  it('accepts the notations found in captures', () => {
    expect(parseHex('aa aa 0x96,0x69\n00-03')).toEqual({
      ok: true,
      value: new Uint8Array([0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03]),
    });
    expect(parseHex('AAA')).toEqual({ ok: false, error: { kind: 'notHex' } });
    expect(parseHex('zz')).toEqual({ ok: false, error: { kind: 'notHex' } });
  });
});
