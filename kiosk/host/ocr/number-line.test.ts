import { describe, expect, it } from 'vitest';
import type { GrayImage } from './image-preprocess';
import {
  cutOutLine,
  findNumberLine,
  GLYPH_HEIGHT,
  inkComponents,
  prepareNumberLine,
  stretchContrast,
} from './number-line';

const WIDTH = 700;
const HEIGHT = 140;
/** Not GLYPH_HEIGHT, so that cutting out also scales. */
const GLYPH = 20;

interface Scene {
  readonly ink: number;
  readonly paper: number;
  /** Pixels the line drops per pixel to the right. */
  readonly slope: number;
}

/** Left edge of the number's first glyph; a label glyph sits at x 5, about 3 glyphs before. */
const FIRST = 100;
const PITCH = 17;

function fill(image: GrayImage, x0: number, y0: number, w: number, h: number, value: number) {
  for (let y = Math.max(0, y0); y < Math.min(image.height, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x0 + w); x++) {
      (image.data as Uint8Array)[y * image.width + x] = value;
    }
  }
}

/** A band like the card's: 18 box-shaped "digits" on a (tilted) line, a label glyph, specks. */
function band({ ink, paper, slope }: Scene): GrayImage {
  const image: GrayImage = {
    width: WIDTH,
    height: HEIGHT,
    data: new Uint8Array(WIDTH * HEIGHT).fill(paper),
  };
  for (let i = 0; i < 18; i++) {
    const x = FIRST + i * PITCH;
    const y = Math.round(40 + slope * x);
    fill(image, x, y, 12, GLYPH, ink);
    fill(image, x + 3, y + 3, 6, GLYPH - 6, paper);
  }
  // The end of the label 码, smaller and three glyph heights to the left of the number.
  fill(image, 20, 42, 18, 16, ink);
  // Specks, and the card's edge as a long line below.
  for (const [x, y] of [
    [60, 10],
    [300, 120],
    [650, 20],
  ] as const) {
    fill(image, x, y, 3, 3, ink);
  }
  fill(image, 0, 130, WIDTH, 3, ink);
  return image;
}

function binary(image: GrayImage, ink: number): GrayImage {
  return { ...image, data: image.data.map((v) => (v === ink ? 0 : 255)) };
}

describe('number line', () => {
  it('labels 8-connected ink components', () => {
    const image: GrayImage = { width: 5, height: 3, data: new Uint8Array(15).fill(255) };
    fill(image, 0, 0, 1, 1, 0);
    fill(image, 1, 1, 1, 1, 0); // diagonal neighbour of (0,0): same component
    fill(image, 4, 0, 1, 3, 0);
    expect(inkComponents(image)).toEqual([
      { x0: 0, y0: 0, x1: 1, y1: 1, area: 2 },
      { x0: 4, y0: 0, x1: 4, y1: 2, area: 3 },
    ]);
  });

  it('finds the 18 glyphs of the number, not the label, specks or card edge', () => {
    const line = findNumberLine(binary(band({ ink: 0, paper: 255, slope: 0 }), 0));
    expect(line).toEqual({
      left: FIRST,
      top: 40,
      width: 17 * PITCH + 12,
      height: GLYPH,
      angle: 0,
      glyphHeight: GLYPH,
      glyphCount: 18,
    });
  });

  it('measures the skew of a tilted line', () => {
    const slope = Math.tan((3 * Math.PI) / 180);
    const line = findNumberLine(binary(band({ ink: 0, paper: 255, slope }), 0));
    expect(line?.glyphCount).toBe(18);
    expect(line?.angle).toBeCloseTo(Math.atan(slope), 2);
  });

  it('finds no line where there are only a few glyphs', () => {
    const image: GrayImage = { width: 200, height: 60, data: new Uint8Array(12000).fill(255) };
    for (let i = 0; i < 5; i++) fill(image, 10 + i * PITCH, 20, 12, GLYPH, 0);
    expect(findNumberLine(image)).toBeNull();
  });

  it('cuts the line out level, one glyph high with half a glyph above and below', () => {
    const slope = Math.tan((3 * Math.PI) / 180);
    const scene = band({ ink: 0, paper: 255, slope });
    const line = findNumberLine(binary(scene, 0))!;
    const cut = cutOutLine(scene, line);
    expect(cut.height).toBe(2 * GLYPH_HEIGHT);
    // Level: every glyph's top edge lands on the same row, give or take a pixel.
    const tops: number[] = [];
    for (let i = 0; i < 18; i++) {
      const x = Math.round((GLYPH + i * PITCH + 1.5) * (GLYPH_HEIGHT / GLYPH));
      let y = 0;
      while (y < cut.height && cut.data[y * cut.width + x]! > 128) y++;
      tops.push(y);
    }
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);
    expect(Math.min(...tops)).toBeGreaterThanOrEqual(GLYPH_HEIGHT / 2 - 2);
  });

  it('stretches a washed-out image to full contrast', () => {
    const data = new Uint8Array(100).fill(170);
    data.fill(120, 0, 20);
    const stretched = stretchContrast({ width: 10, height: 10, data });
    expect(stretched.data[0]).toBe(0);
    expect(stretched.data[99]).toBe(255);
  });

  it('cuts out the line of a low-contrast band at full contrast, and finds none in a blank one', () => {
    const prepared = prepareNumberLine(band({ ink: 120, paper: 165, slope: 0.02 }));
    expect(prepared?.line.glyphCount).toBe(18);
    expect(prepared?.image.height).toBe(2 * GLYPH_HEIGHT);
    expect(Math.min(...(prepared?.image.data ?? []))).toBe(0);
    expect(Math.max(...(prepared?.image.data ?? []))).toBe(255);
    const blank: GrayImage = { width: 100, height: 40, data: new Uint8Array(4000).fill(200) };
    expect(prepareNumberLine(blank)).toBeNull();
  });
});
