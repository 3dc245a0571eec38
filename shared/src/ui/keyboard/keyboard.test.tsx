// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingVoice, renderUi } from '../test-support';
import { keyboardReducer, type KeyboardState } from './keyboard-state';
import { digitPadKeys, MONGOLIAN_LAYOUT, MVS, NNBSP } from './mongolian-layout';
import { OnScreenKeyboard, type OnScreenKeyboardProps } from './on-screen-keyboard';
import { buildPinyinDictionary } from './pinyin-dictionary';

afterEach(cleanup);

const empty: KeyboardState = { value: '', composition: '', page: 0 };

describe('keyboardReducer', () => {
  it('composes pinyin and replaces the letters a candidate uses', () => {
    let s = empty;
    for (const letter of 'gongzi') s = keyboardReducer(s, { type: 'compose', letter });
    expect(s.composition).toBe('gongzi');
    s = keyboardReducer(s, { type: 'pick', candidate: { word: '工', consumed: 4 } });
    expect(s).toEqual({ value: '工', composition: 'zi', page: 0 });
    s = keyboardReducer(s, { type: 'backspace' });
    expect(s.composition).toBe('z');
    s = keyboardReducer(s, { type: 'commitLetters' });
    expect(s).toEqual({ value: '工z', composition: '', page: 0 });
  });

  it('refuses stray letters and a leading or doubled apostrophe', () => {
    expect(keyboardReducer(empty, { type: 'compose', letter: "'" })).toBe(empty);
    expect(keyboardReducer(empty, { type: 'compose', letter: 'A' })).toBe(empty);
    const s = keyboardReducer({ ...empty, composition: "xi'" }, { type: 'compose', letter: "'" });
    expect(s.composition).toBe("xi'");
  });

  it('deletes one code point at a time, so a suffix space or FVS goes alone', () => {
    const s = keyboardReducer({ ...empty, value: `ᠮᠣᠩᠭᠣᠯ${NNBSP}` }, { type: 'backspace' });
    expect(s.value).toBe('ᠮᠣᠩᠭᠣᠯ');
  });

  it('respects the maximum length and keeps candidate pages in range', () => {
    const full = { ...empty, value: '12345' };
    expect(keyboardReducer(full, { type: 'insert', text: '6' }, 5)).toBe(full);
    expect(keyboardReducer(empty, { type: 'page', delta: 1, pages: 2 }).page).toBe(1);
    expect(keyboardReducer({ ...empty, page: 1 }, { type: 'page', delta: 1, pages: 2 }).page).toBe(
      1,
    );
    expect(keyboardReducer(empty, { type: 'page', delta: -1, pages: 2 }).page).toBe(0);
  });
});

describe('layouts', () => {
  it('follows cn(mon_trad): QWERTY → ᠣᠸᠡᠷᠲᠶᠦᠢᠥᠫ, ASDF… → ᠠᠰᠳᠹᠭᠬᠵᠺᠯ, ZXCV… → ᠽᠱᠴᠤᠪᠨᠮ', () => {
    const letters = (row: number) =>
      (MONGOLIAN_LAYOUT[row] ?? [])
        .map((k) => k.base)
        .filter((c) => /[\u1820-\u18AA]/u.test(c))
        .join('');
    expect(letters(1)).toBe('ᠣᠸᠡᠷᠲᠶᠦᠢᠥᠫ');
    expect(letters(2)).toBe('ᠠᠰᠳᠹᠭᠬᠵᠺᠯ');
    expect(letters(3)).toBe('ᠽᠱᠴᠤᠪᠨᠮ');
    const minus = MONGOLIAN_LAYOUT[0]?.find((k) => k.id === 'AE11');
    expect([minus?.base, minus?.shift]).toEqual([NNBSP, MVS]);
  });

  it('offers X only on the ID-number pad', () => {
    expect(digitPadKeys('idNumber')).toContain('X');
    expect(digitPadKeys('phone')).not.toContain('X');
  });
});

function Harness(
  props: Omit<OnScreenKeyboardProps, 'value' | 'onChange'> & { onValue?: (v: string) => void },
) {
  const [value, setValue] = useState('');
  return (
    <OnScreenKeyboard
      {...props}
      value={value}
      onChange={(v) => {
        setValue(v);
        props.onValue?.(v);
      }}
    />
  );
}

const key = (id: string) => {
  const el = document.querySelector<HTMLElement>(`[data-key="${id}"]`);
  if (el === null) throw new Error(`no key ${id}`);
  return el;
};

describe('OnScreenKeyboard', () => {
  it('types Mongolian letters, NNBSP and (shifted) ANG, and reports the value', () => {
    const onValue = vi.fn();
    renderUi(<Harness modes={['mongolian']} onValue={onValue} />, { language: 'mn-Mong' });
    for (const id of [
      'AB07',
      'AD01',
      'shift',
      'AB06',
      'AC05',
      'AD01',
      'AC09',
      'AE11',
      'AB04',
      'AB06',
    ]) {
      fireEvent.click(key(id));
    }
    expect(onValue).toHaveBeenLastCalledWith(`ᠮᠣᠩᠭᠣᠯ${NNBSP}ᠤᠨ`);
    // Invisible characters get a word on their key, in the page language.
    expect(key('AE11').getAttribute('aria-label')).toBe('ᠳᠠᠭᠠᠪᠤᠷᠢ\u202Fᠶᠢᠨ ᠵᠠᠢ');
    expect(
      document
        .querySelector('.pls-keyboard__value')
        ?.classList.contains('pls-keyboard__value--vertical'),
    ).toBe(true);
  });

  it('turns pinyin into word candidates and picks with a tap or the space bar', () => {
    const dictionary = buildPinyinDictionary([
      ['工资', 'gōng zī', 5e-9],
      ['公子', 'gōng zǐ', 1e-9],
      ['讨薪', 'tǎo xīn', 1e-9],
    ]);
    const onValue = vi.fn();
    renderUi(<Harness modes={['pinyin']} dictionary={dictionary} onValue={onValue} />);
    for (const letter of 'gongzi') fireEvent.click(key(letter));
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['工资', '公子']);
    fireEvent.click(screen.getByRole('option', { name: '工资' }));
    for (const letter of 'taoxin') fireEvent.click(key(letter));
    fireEvent.click(key('space'));
    expect(onValue).toHaveBeenLastCalledWith('工资讨薪');
  });

  it('has a candidate listbox only while there are candidates, holding options only', () => {
    // Ten words read "shi": two pages of eight, so the page buttons show.
    const words = ['是', '时', '事', '十', '使', '市', '式', '师', '史', '世'];
    const dictionary = buildPinyinDictionary(words.map((w, i) => [w, 'shì', 1e-8 - i * 1e-10]));
    renderUi(<Harness modes={['pinyin']} dictionary={dictionary} />);
    // Nothing typed yet: a prompt, and no (empty) listbox, which would be an ARIA error.
    expect(screen.queryByRole('listbox')).toBeNull();
    for (const letter of 'shi') fireEvent.click(key(letter));
    const listbox = screen.getByRole('listbox');
    const children = [...listbox.children];
    expect(children).toHaveLength(8);
    expect(children.every((child) => child.getAttribute('role') === 'option')).toBe(true);
    // The page buttons are beside the listbox, not inside it.
    const next = screen.getByRole('button', { name: '更多' });
    expect(listbox.contains(next)).toBe(false);
    fireEvent.click(next);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['史', '世']);
    fireEvent.click(key('backspace'));
    fireEvent.click(key('backspace'));
    fireEvent.click(key('backspace'));
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('starts a new line on Enter in a multi-line field, and shows the lines', () => {
    const values: string[] = [];
    const onEnter = vi.fn();
    renderUi(
      <Harness modes={['mongolian']} multiline onEnter={onEnter} onValue={(v) => values.push(v)} />,
    );
    fireEvent.click(key('AC01'));
    fireEvent.click(key('enter'));
    fireEvent.click(key('AC01'));
    expect(values.at(-1)).toBe('ᠠ\nᠠ');
    expect(onEnter).not.toHaveBeenCalled();
    expect(document.querySelector('.pls-keyboard__value')?.getAttribute('data-multiline')).toBe(
      'true',
    );
  });

  it('checks an ID number on Enter and says what is wrong', () => {
    const voice = recordingVoice();
    const onEnter = vi.fn();
    renderUi(<Harness modes={['digits']} digitPad="idNumber" onEnter={onEnter} />, { voice });
    for (const d of '150102198001011235') fireEvent.click(key(d));
    fireEvent.click(key('enter'));
    expect(screen.getByRole('alert').textContent).toBe('身份证号码有误，请核对');
    expect(voice.said).toEqual(['common:error.idNumber']);
    expect(onEnter).not.toHaveBeenCalled();
    fireEvent.click(key('clear'));
    for (const d of '15253019850312001X') fireEvent.click(key(d));
    fireEvent.click(key('enter'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onEnter).toHaveBeenCalledTimes(1);
  });
});
