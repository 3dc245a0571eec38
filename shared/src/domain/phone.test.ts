import { describe, expect, it } from 'vitest';
import { parsePhone } from './phone';

describe('parsePhone', () => {
  it('accepts mobiles and landlines with area code, as people type them', () => {
    expect(parsePhone('139 0479 0000')).toEqual({ ok: true, value: '13904790000' });
    expect(parsePhone('+86 13904790000')).toEqual({ ok: true, value: '13904790000' });
    expect(parsePhone('0479-8221234')).toEqual({ ok: true, value: '04798221234' });
    expect(parsePhone('０４７１－６６１２３４５')).toEqual({ ok: true, value: '04716612345' });
  });

  it('refuses numbers that cannot be dialled', () => {
    expect(parsePhone('')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(parsePhone('1290479000')).toEqual({
      ok: false,
      error: { kind: 'format', digits: '1290479000' },
    });
    expect(parsePhone('12904790000').ok).toBe(false); // 12x is not a mobile prefix
    expect(parsePhone('8221234').ok).toBe(false); // landline without area code
  });
});
