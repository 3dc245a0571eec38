/**
 * Print CSS. Fonts are the shipped Noto Sans Mongolian v3 (one unsliced face, listed first for
 * Mongolian runs: a sliced face breaks NNBSP/MVS shaping) and Noto Sans SC; hosts pass their
 * URLs (data: URLs make a self-contained document). Page geometry is set with `@page` and
 * `margin: 0`, the same for Electron's silent print and for print-to-PDF, so both lay out alike.
 */
import type { Paper } from './spec';

/**
 * The @font-face rules for a document, given the text it prints. Faces must use the families
 * `PLS Mongolian` (unsliced Noto Sans Mongolian) and `PLS Chinese` (Noto Sans SC); the text
 * lets a host embed only the Chinese slices a document needs.
 */
export type PrintFontCss = (usedText: string) => string;

/** Family names the print CSS uses; hosts declare their faces under these. */
export const PRINT_FONT_FAMILIES = { mongolian: 'PLS Mongolian', chinese: 'PLS Chinese' } as const;

/** Id of the `<style>` element that holds the `@page` rule, replaced once a roll is measured. */
export const PAGE_STYLE_ID = 'page-size';

/** The `@page` rule; a roll needs its measured content height. */
export function pageRule(paper: Paper, rollHeightMm?: number): string {
  const height =
    paper.kind === 'sheet' ? paper.heightMm : Math.max(40, Math.ceil(rollHeightMm ?? 297));
  return `@page { size: ${paper.widthMm}mm ${height}mm; margin: 0; }`;
}

/**
 * Evaluated in the page before a roll is measured: grows each vertical Mongolian block in
 * 3 mm steps until its columns fit the paper width (how many columns the text needs depends on
 * the font's shaping, known only in the page), then returns the roll's height in CSS pixels.
 */
export const MEASURE_ROLL_SCRIPT = `(async () => {
  await document.fonts.ready;
  for (const block of document.querySelectorAll('.mn-fit')) {
    const column = block.firstElementChild;
    let height = column.getBoundingClientRect().height;
    for (let i = 0; i < 150 && block.scrollWidth > block.clientWidth + 1; i++) {
      height += 11.34;
      column.style.height = height + 'px';
    }
  }
  return Math.ceil(document.querySelector('.roll').getBoundingClientRect().height);
})()`;

/** CSS pixels (1/96 in) to millimetres, plus a 4 mm tail so the cutter does not clip the text. */
export function rollHeightMmFromPx(px: number): number {
  return Math.ceil((px * 25.4) / 96) + 4;
}

export const BASE_CSS = `
:root { --zh: 'PLS Chinese', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; --mono: 'DejaVu Sans Mono', 'Noto Sans Mono', monospace; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: var(--zh); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
:lang(zh-Hans) { font-family: var(--zh); }
:lang(mn-Mong) { font-family: 'PLS Mongolian', var(--zh); }
.mn-v { writing-mode: vertical-lr; text-orientation: mixed; word-break: normal; overflow-wrap: normal; letter-spacing: normal; font-size: 1.25em; }
.mn-v .latin { font-family: var(--mono); }
h1, h2, p, ol, dl, dd { margin: 0; }
/* Only regular faces are embedded: synthetic bold would become Type 3 fonts, which some printer
   drivers rasterize and whose text poppler cannot always extract. Hierarchy is by size. */
b, strong, th { font-weight: 400; }
.strong { font-size: 1.15em; }

/* Receipts: printable width is about 72 mm on 80 mm paper and 48 mm on 58 mm paper. */
.roll { box-sizing: border-box; width: var(--paper); padding: 3mm var(--side) 2mm; font-size: 3.4mm; line-height: 1.45; }
.roll-80 { --paper: 80mm; --side: 4mm; --code: 6.4mm; --qr: 34mm; --mn-height: 90mm; }
.roll-58 { --paper: 58mm; --side: 5mm; --code: 4.6mm; --qr: 28mm; --mn-height: 90mm; font-size: 3.1mm; }
.roll header { text-align: center; border-bottom: 0.4mm solid #000; padding-bottom: 2mm; }
.roll .service { font-size: 1.1em; }
.roll h1 { font-size: 1.7em; font-weight: 400; letter-spacing: 0.1em; }
.roll .code { text-align: center; padding: 2.5mm 0 1mm; }
.roll .code .label { font-size: 0.95em; }
.roll .tracking { font-family: var(--mono); font-size: var(--code); font-weight: 700; letter-spacing: 0.02em; white-space: nowrap; margin: 0.5mm 0 1.5mm; }
.roll .qr { display: block; margin: 0 auto; width: var(--qr); height: var(--qr); }
.roll .scan { font-size: 0.85em; margin-top: 1mm; }
.roll dl { display: grid; grid-template-columns: auto 1fr; column-gap: 2mm; border-top: 0.2mm dashed #000; padding-top: 2mm; }
.roll dt { white-space: nowrap; }
.roll h2 { font-size: 1.15em; font-weight: 400; margin-top: 2.5mm; }
.roll ol { padding-left: 4.5mm; }
.roll .hotline { margin-top: 2.5mm; border-top: 0.2mm dashed #000; padding-top: 2mm; text-align: center; }
.roll .hotline strong { display: block; font-family: var(--mono); font-size: 2.2em; line-height: 1.1; }
.roll .keep { text-align: center; font-size: 0.9em; margin-top: 1.5mm; }
.roll .mn-block { margin-top: 3mm; border-top: 0.4mm solid #000; padding-top: 3mm; overflow: hidden; }
.roll .mn-block .mn-v { height: var(--mn-height); font-size: 1.15em; line-height: 1.5; }
.roll .mn-block .mn-v p { margin: 0 0 0 0; }
.roll .mn-block .mn-v .gap { margin-left: 1.5mm; }

/* A4 form: each .sheet is one page; the page margin lives inside the sheet. */
.sheet { box-sizing: border-box; width: 210mm; height: 297mm; padding: 14mm 16mm 12mm; font-size: 3.7mm; line-height: 1.5; position: relative; break-after: page; overflow: hidden; }
.sheet:last-child { break-after: auto; }
.sheet .title { display: flex; align-items: center; justify-content: center; gap: 4mm; margin-bottom: 4mm; }
.sheet .title h1 { font-size: 7.5mm; font-weight: 400; letter-spacing: 0.2em; }
.sheet .title .mn-v { height: 24mm; font-size: 4.4mm; }
.sheet .meta { display: flex; justify-content: space-between; font-size: 3.3mm; margin-bottom: 2mm; }
.sheet .meta .code { font-family: var(--mono); font-weight: 700; }
.sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.sheet th, .sheet td { border: 0.3mm solid #000; padding: 1.5mm 2mm; vertical-align: middle; text-align: left; }
.sheet th { font-weight: 400; background: #f2f2f2; }
.sheet .lbl, .sheet .val { display: flex; align-items: center; gap: 1.5mm; }
.sheet .lbl .mn-v, .sheet .val .mn-v { height: 17mm; font-size: 3.1mm; line-height: 1.3; }
.sheet .checks .val .mn-v { height: 15mm; }
.sheet.bilingual .description { height: 40mm; }
.sheet .section th { text-align: left; font-weight: 400; font-size: 4.2mm; background: #e6e6e6; }
.sheet .id { font-family: var(--mono); font-size: 4.4mm; letter-spacing: 0.08em; }
.sheet .description { height: 70mm; vertical-align: top; white-space: pre-wrap; }
.sheet .checks { list-style: none; padding: 0; margin: 0; }
.sheet .checks li { display: flex; align-items: flex-start; gap: 2mm; margin: 1.2mm 0; }
.sheet .box { flex: none; width: 4mm; height: 4mm; margin-top: 0.6mm; }
.sheet .sign { height: 22mm; vertical-align: bottom; }
.sheet .qr { position: absolute; right: 16mm; bottom: 14mm; width: 26mm; height: 26mm; }
.sheet .footer { position: absolute; left: 16mm; bottom: 8mm; font-size: 3mm; }

/* Decision letter: Chinese in rows, the Mongolian text in vertical columns beside it. */
.letter { font-size: 4.2mm; line-height: 1.8; }
.letter .letter-body { display: flex; gap: 6mm; }
.letter .letter-zh { flex: 1; }
.letter .letter-zh p { margin: 0 0 2mm; text-indent: 2em; }
.letter .letter-zh p:first-child { text-indent: 0; }
.letter .letter-sign { margin-top: 12mm; text-align: right; text-indent: 0; }
.letter .letter-mn { height: 230mm; max-width: 70mm; font-size: 3.6mm; line-height: 1.6; }
.letter .letter-mn p { margin: 0 0 0 2mm; }
`;
