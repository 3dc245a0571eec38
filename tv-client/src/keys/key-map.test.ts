import { describe, expect, it } from 'vitest';
import { bindKey, parseCustomBindings, resolveKey } from './key-map';

describe('resolveKey', () => {
  it('maps Tizen, webOS and desktop Back to back', () => {
    expect(resolveKey({ key: 'XF86Back', keyCode: 10009 })).toEqual({
      kind: 'command',
      command: 'back',
    });
    expect(resolveKey({ key: 'Unidentified', keyCode: 461 })).toEqual({
      kind: 'command',
      command: 'back',
    });
    expect(resolveKey({ key: 'Escape', keyCode: 27 })).toEqual({
      kind: 'command',
      command: 'back',
    });
  });
  it('maps colour keys 403–406 in order red, green, yellow, blue', () => {
    expect([403, 404, 405, 406].map((keyCode) => resolveKey({ key: '', keyCode }))).toEqual([
      { kind: 'command', command: 'red' },
      { kind: 'command', command: 'green' },
      { kind: 'command', command: 'yellow' },
      { kind: 'command', command: 'blue' },
    ]);
  });
  it('reads digits from the top row, the keypad and the key name', () => {
    expect(resolveKey({ key: '7', keyCode: 55 })).toEqual({ kind: 'digit', digit: 7 });
    expect(resolveKey({ key: 'Unidentified', keyCode: 99 })).toEqual({ kind: 'digit', digit: 3 });
    expect(resolveKey({ key: '0', keyCode: 0 })).toEqual({ kind: 'digit', digit: 0 });
  });
  it('ignores keys it does not know', () => {
    expect(resolveKey({ key: 'q', keyCode: 81 })).toBeUndefined();
  });
  it('lets a technician binding win over the default table', () => {
    const custom = bindKey([], { keyCode: 81, command: 'back' });
    expect(resolveKey({ key: 'q', keyCode: 81 }, custom)).toEqual({
      kind: 'command',
      command: 'back',
    });
    const replaced = bindKey(custom, { keyCode: 81, command: 'blue' });
    expect(replaced).toEqual([{ keyCode: 81, command: 'blue' }]);
  });
});

describe('parseCustomBindings', () => {
  it('keeps valid bindings and drops everything else', () => {
    expect(
      parseCustomBindings([
        { keyCode: 700, command: 'red' },
        { keyCode: -1, command: 'red' },
        { keyCode: 5, command: 'explode' },
        'x',
        null,
      ]),
    ).toEqual([{ keyCode: 700, command: 'red' }]);
    expect(parseCustomBindings({})).toEqual([]);
  });
});
