/**
 * OCR on fictional card images rendered by Chromium, clean and degraded. The rule under test:
 * the ID number is read or flagged for staff, never wrongly accepted. Runs with the e2e config
 * (Chromium + a tesseract worker): `vitest run --config e2e/vitest.config.ts id-card-ocr`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { computeIdCheckChar, makeSampleIdNumber } from '@pls/shared/domain';
import { createIdCardOcr, type IdCardOcr } from './id-card-ocr';
import { createTesseractEngine } from './tesseract-engine';
import { DEGRADATIONS, renderSyntheticCard, type SyntheticCard } from './testing/synthetic-card';

const valid = makeSampleIdNumber('152502', '1961-04-12', 913);
const person: SyntheticCard = {
  name: '巴特尔',
  sex: '男',
  nation: '蒙古',
  birthDate: '1961-04-12',
  address: '内蒙古自治区锡林浩特市白音锡勒牧场三分场',
  idNumber: valid,
};
/** Same number with a wrong check character: must never be accepted. */
const wrongCheck =
  valid.slice(0, 17) + (computeIdCheckChar(valid.slice(0, 17)) === '0' ? '1' : '0');

let browser: Browser;
let ocr: IdCardOcr;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  ocr = createIdCardOcr({
    startEngine: () => createTesseractEngine(),
    today: () => new Date('2026-11-20'),
  });
});

afterAll(async () => {
  await ocr?.terminate();
  await browser?.close();
});

describe('ID card OCR', () => {
  for (const [name, degradation] of Object.entries(DEGRADATIONS)) {
    it(`reads or flags the number on a ${name} card, never accepting a wrong one`, async () => {
      const image = await renderSyntheticCard(browser, person, degradation);
      const result = await ocr.readIdCard(image, 'card');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { idNumber } = result.value;
      if (idNumber.status === 'accepted') {
        expect(idNumber.idNumber).toBe(valid);
        expect(idNumber.birthDate).toBe('1961-04-12');
      } else {
        expect(idNumber.text).not.toBe('');
      }
      if (name === 'clean') {
        // A clean card must be read in full, not just flagged.
        expect(idNumber.status).toBe('accepted');
        expect(result.value.name).toBe('巴特尔');
        expect(result.value.printedBirthDate).toBe('1961-04-12');
      }
    });
  }

  it('reads the number line alone in the fast mode', async () => {
    const image = await renderSyntheticCard(browser, person, DEGRADATIONS.rotated);
    const result = await ocr.readIdCard(image, 'idNumberOnly');
    expect(result.ok && result.value.idNumber).toMatchObject({
      status: 'accepted',
      idNumber: valid,
    });
  });

  it('flags a card whose printed number fails the check digit', async () => {
    for (const degradation of [DEGRADATIONS.clean, DEGRADATIONS.noisy]) {
      const image = await renderSyntheticCard(
        browser,
        { ...person, idNumber: wrongCheck },
        degradation,
      );
      const result = await ocr.readIdCard(image, 'card');
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.idNumber.status).toBe('needsConfirmation');
    }
  });

  it('flags a number that contradicts the printed birth date', async () => {
    const other = makeSampleIdNumber('152502', '1962-04-12', 913);
    const image = await renderSyntheticCard(
      browser,
      { ...person, idNumber: other },
      DEGRADATIONS.clean,
    );
    const result = await ocr.readIdCard(image, 'card');
    expect(result.ok && result.value.idNumber).toMatchObject({
      status: 'needsConfirmation',
      reason: 'birthDateMismatch',
    });
  });

  it('returns a typed error for bytes that are not an image', async () => {
    const result = await ocr.readIdCard(new TextEncoder().encode('not an image'), 'card');
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unsupportedImage', message: 'not a PNG or JPEG image' },
    });
  });
});
