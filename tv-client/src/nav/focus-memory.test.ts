import { describe, expect, it } from 'vitest';
import { createFocusMemory, memoryStore } from './focus-memory';

describe('focus memory', () => {
  it('recalls the last focus of each screen after a restart (a new memory on the same store)', () => {
    const store = memoryStore();
    const memory = createFocusMemory(store);
    memory.remember('home', 'section-ask');
    memory.remember('watch', 'item-faq-12');
    memory.remember('home', 'section-watch');
    const restarted = createFocusMemory(store);
    expect(restarted.recall('home')).toBe('section-watch');
    expect(restarted.recall('watch')).toBe('item-faq-12');
    expect(restarted.recall('ask')).toBeUndefined();
  });

  it('forgets a broken stored entry instead of failing', () => {
    const store = memoryStore();
    store.setItem('pls-tv-focus', '{not json');
    expect(createFocusMemory(store).recall('home')).toBeUndefined();
    store.setItem('pls-tv-focus', JSON.stringify({ home: 5, watch: 'x' }));
    const memory = createFocusMemory(store);
    expect(memory.recall('home')).toBeUndefined();
    expect(memory.recall('watch')).toBe('x');
  });

  it('keeps at most 50 screens, dropping the oldest', () => {
    const store = memoryStore();
    const memory = createFocusMemory(store);
    for (let i = 0; i < 60; i++) memory.remember(`s${i}`, 'k');
    const again = createFocusMemory(store);
    expect(again.recall('s0')).toBeUndefined();
    expect(again.recall('s59')).toBe('k');
  });
});
