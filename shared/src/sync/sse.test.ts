import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('reads named events split anywhere across chunks, with any line ending', () => {
    const text =
      'event: hello\ndata: {"a":1}\n\n: comment\r\nevent: changes\r\ndata: line1\r\ndata: line2\r\n\r\ndata: plain\r\r\n';
    for (const size of [1, 2, 3, 7, text.length]) {
      const parser = new SseParser();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
      expect(out, `chunks of ${size}`).toEqual([
        { event: 'hello', data: '{"a":1}' },
        { event: 'changes', data: 'line1\nline2' },
        { event: 'message', data: 'plain' },
      ]);
    }
  });

  it('ignores events without data and unknown fields', () => {
    const parser = new SseParser();
    expect(parser.push('event: nothing\n\nid: 5\nretry: 100\nevent: x\ndata\n\n')).toEqual([
      { event: 'x', data: '' },
    ]);
  });
});
