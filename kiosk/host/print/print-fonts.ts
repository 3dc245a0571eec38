/**
 * Fonts embedded into print documents as data: URLs, so a document (and the PDF Chromium makes
 * of it) needs nothing from the network or the system. Mongolian: the one unsliced Noto Sans
 * Mongolian v3 file. Chinese: the unicode-range slices of Noto Sans SC from assets/fonts, only
 * those covering characters the document prints (a receipt needs a handful of ~30 KB slices,
 * not 5 MB). Without assets/fonts (fresh clone before `scripts/fonts-build.ts`) the same files
 * come from @fontsource, where the unsliced Chinese subset is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PRINT_FONT_FAMILIES, type PrintFontCss } from '@pls/shared/print';

export interface FontSlice {
  readonly file: string;
  readonly weight: number;
  /** Inclusive code point ranges. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** Parses `@font-face` blocks with `src: url(...)` and `unicode-range`. */
function parseFontSlices(css: string): FontSlice[] {
  const slices: FontSlice[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1] ?? '';
    const file = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(body)?.[1];
    const weight = Number(/font-weight\s*:\s*(\d+)/.exec(body)?.[1] ?? '400');
    const range = /unicode-range\s*:\s*([^;]+)/.exec(body)?.[1];
    if (file === undefined || range === undefined) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const start = parseInt(from ?? '', 16);
      return [start, to === undefined ? start : parseInt(to, 16)];
    });
    slices.push({ file, weight, ranges });
  }
  return slices;
}

/** Slices (of one weight) needed to draw the characters of `text`. */
function slicesFor(slices: readonly FontSlice[], text: string, weight = 400): FontSlice[] {
  const candidates = slices.filter((s) => s.weight === weight);
  const needed = new Set<FontSlice>();
  const seen = new Set<number>();
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    // ASCII is drawn by the Latin slice, which every document needs anyway.
    if (seen.has(cp)) continue;
    seen.add(cp);
    const slice = candidates.find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
    if (slice) needed.add(slice);
  }
  return [...needed];
}

export interface PrintFontFiles {
  readonly mongolian: string;
  /** Either the sliced CSS of assets/fonts or one unsliced woff2. */
  readonly chinese:
    | { readonly kind: 'sliced'; readonly cssFile: string }
    | { readonly kind: 'single'; readonly file: string };
}

/** Where the fonts are: assets/fonts first, @fontsource as the fallback. */
export function locatePrintFonts(repoRoot: string): PrintFontFiles {
  const assets = join(repoRoot, 'assets', 'fonts');
  const require = createRequire(join(repoRoot, 'shared', 'package.json'));
  const fontsource = (name: string) => dirname(require.resolve(`${name}/package.json`));
  const mongolianAsset = join(assets, 'noto-sans-mongolian-mongolian-400-normal.woff2');
  const mongolian = existsSync(mongolianAsset)
    ? mongolianAsset
    : join(
        fontsource('@fontsource/noto-sans-mongolian'),
        'files',
        'noto-sans-mongolian-mongolian-400-normal.woff2',
      );
  const slicedCss = join(assets, 'noto-sans-sc.css');
  const chinese = existsSync(slicedCss)
    ? ({ kind: 'sliced', cssFile: slicedCss } as const)
    : ({
        kind: 'single',
        file: join(
          fontsource('@fontsource/noto-sans-sc'),
          'files',
          'noto-sans-sc-chinese-simplified-400-normal.woff2',
        ),
      } as const);
  return { mongolian, chinese };
}

function face(family: string, file: string, data: string, weight: number, range?: string): string {
  const unicode = range ? `unicode-range:${range};` : '';
  return `@font-face{font-family:'${family}';font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');${unicode}}/*${file}*/\n`;
}

/** Builds the document font CSS; file contents are read once and cached. */
export function createPrintFontCss(files: PrintFontFiles): PrintFontCss {
  const cache = new Map<string, string>();
  const base64 = (path: string) => {
    let data = cache.get(path);
    if (data === undefined) {
      data = readFileSync(path).toString('base64');
      cache.set(path, data);
    }
    return data;
  };
  const mongolian = face(PRINT_FONT_FAMILIES.mongolian, 'mongolian', base64(files.mongolian), 400);
  if (files.chinese.kind === 'single') {
    const chinese = face(PRINT_FONT_FAMILIES.chinese, 'sc', base64(files.chinese.file), 400);
    return () => mongolian + chinese;
  }
  const cssFile = files.chinese.cssFile;
  const slices = parseFontSlices(readFileSync(cssFile, 'utf8'));
  if (slices.length === 0) throw new Error(`no font slices in ${cssFile}`);
  return (usedText) => {
    let css = mongolian;
    for (const slice of slicesFor(slices, usedText)) {
      const range = slice.ranges
        .map(([a, b]) =>
          a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`,
        )
        .join(',');
      css += face(
        PRINT_FONT_FAMILIES.chinese,
        slice.file,
        base64(join(dirname(cssFile), slice.file)),
        400,
        range,
      );
    }
    return css;
  };
}
