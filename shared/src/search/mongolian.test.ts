import { describe, expect, it } from 'vitest';
import { cleanMongolian, mongolianTerms, mongolianWordKey } from './mongolian';
import { tokenize } from './tokenize';

const NNBSP = '\u202F';
const MVS = '\u180E';
const FVS1 = '\u180B';
const FVS2 = '\u180C';
const FVS4 = '\u180F';
const ZWJ = '\u200D';

/** Every encoding in a group is the same visible word and must give the same terms. */
const SAME_WORD: readonly (readonly string[])[] = [
  // ger-e "contract": with MVS, without, vowel after NNBSP or a space, with a selector.
  ['ᠭᠡᠷ' + MVS + 'ᠡ', 'ᠭᠡᠷᠡ', 'ᠭᠡᠷ' + NNBSP + 'ᠡ', 'ᠭᠡᠷ ᠡ', 'ᠭᠡᠷ' + MVS + 'ᠡ' + FVS1],
  // qauli-yin "of the law": suffix after NNBSP, after a space, straight on, after MVS.
  ['ᠬᠠᠤᠯᠢ' + NNBSP + 'ᠶᠢᠨ', 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ', 'ᠬᠠᠤᠯᠢᠶᠢᠨ', 'ᠬᠠᠤᠯᠢ' + MVS + 'ᠶᠢᠨ', 'ᠬᠠᠤᠯᠢ'],
  // γajar "land" with free variation selectors and a joiner typed in.
  ['ᠭᠠᠵᠠᠷ', 'ᠭ' + FVS1 + 'ᠠᠵᠠᠷ', 'ᠭᠠ' + FVS2 + 'ᠵᠠᠷ', 'ᠭᠠᠵ' + FVS4 + 'ᠠᠷ', 'ᠭᠠ' + ZWJ + 'ᠵᠠᠷ'],
  // mongγol: o and u share a glyph and are typed either way.
  ['ᠮᠣᠩᠭᠣᠯ', 'ᠮᠤᠩᠭᠤᠯ', 'ᠮᠣᠩᠭᠤᠯ'],
  // nököburi: ö / ü likewise.
  ['ᠨᠥᠬᠥᠪᠤᠷᠢ', 'ᠨᠦᠬᠦᠪᠤᠷᠢ'],
  // örtege "station": medial t and d share a glyph.
  ['ᠥᠷᠲᠡᠭᠡ', 'ᠥᠷᠳᠡᠭᠡ'],
  // nayiramdaqu / nairamdaqu: y written or not before i.
  ['ᠨᠠᠶᠢᠷᠠᠮᠳᠠᠬᠤ', 'ᠨᠠᠢᠷᠠᠮᠳᠠᠬᠤ'],
  // sumu-yin written straight on after a vowel.
  ['ᠰᠤᠮᠤ' + NNBSP + 'ᠶᠢᠨ', 'ᠰᠤᠮᠤᠶᠢᠨ'],
  // Mongolian digits.
  ['᠑᠒᠓᠔᠘', '12348'],
];

describe('Mongolian normalization', () => {
  it.each(SAME_WORD.map((group) => [group[0]!, group] as const))(
    'different encodings of %s give the same terms',
    (_, group) => {
      const expected = tokenize(group[0]!);
      expect(expected.length).toBeGreaterThan(0);
      for (const encoding of group)
        expect(tokenize(encoding), JSON.stringify(encoding)).toEqual(expected);
    },
  );

  it('keeps different words apart', () => {
    expect(mongolianWordKey('ᠴᠠᠯᠢᠩ')).not.toBe(mongolianWordKey('ᠭᠠᠵᠠᠷ'));
    expect(mongolianWordKey('ᠡᠪᠡᠰᠦᠨ')).not.toBe(mongolianWordKey('ᠠᠪᠤᠨ'));
  });

  it('drops detached case suffixes and particles', () => {
    expect(mongolianTerms('ᠬᠡᠦᠬᠡᠳ' + NNBSP + 'ᠦᠨ ᠡᠷᠬᠡ')).toEqual(mongolianTerms('ᠬᠡᠦᠬᠡᠳ ᠡᠷᠬᠡ'));
    expect(mongolianWordKey('ᠶᠢᠨ')).toBeNull();
    expect(mongolianWordKey('ᠨᠢ')).toBeNull();
  });

  it('removes shaping controls but keeps letters', () => {
    expect(cleanMongolian('ᠭ' + FVS1 + 'ᠡᠷ' + MVS + 'ᠡ')).toBe('ᠭᠡᠷᠡ');
    expect(cleanMongolian('᠑᠒')).toBe('12');
  });

  it('splits on Mongolian punctuation', () => {
    expect(mongolianTerms('ᠴᠠᠯᠢᠩ᠂ ᠭᠠᠵᠠᠷ᠃')).toEqual([
      mongolianWordKey('ᠴᠠᠯᠢᠩ'),
      mongolianWordKey('ᠭᠠᠵᠠᠷ'),
    ]);
  });
});
