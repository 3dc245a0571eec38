import { describe, expect, it } from 'vitest';
import { HOME_STACK, back, current, memoryName, push } from './screen-stack';

describe('screen stack', () => {
  it('goes up one level on Back and stays home at home', () => {
    const deep = push(push(HOME_STACK, { id: 'watch' }), { id: 'reader', contentId: 'faq-1' });
    expect(current(deep)).toEqual({ id: 'reader', contentId: 'faq-1' });
    expect(current(back(deep))).toEqual({ id: 'watch' });
    expect(back(back(back(back(deep))))).toEqual(HOME_STACK);
    expect(back(HOME_STACK)).toBe(HOME_STACK);
  });
  it('names focus memory per screen and per item', () => {
    expect(memoryName({ id: 'watch' })).toBe('watch');
    expect(memoryName({ id: 'reader', contentId: 'x' })).toBe('reader:x');
  });
});
