import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMongolianScript, unwrap } from '../domain/index';
import { sampleApplication, sampleTrackingCode } from '../testing/index';
import { parsePrintLabels, type PrintLabelSet } from './labels';
import { formatPrintDate } from './print-date';
import { qrMatrix } from './qr-svg';
import { renderPrintDocument } from './render';
import { parsePrintDocumentSpec } from './spec';

const locales = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'locales');
const load = (lang: string, namespace = 'print'): unknown =>
  JSON.parse(readFileSync(join(locales, lang, `${namespace}.json`), 'utf8'));
const labels: PrintLabelSet = {
  'zh-Hans': unwrap(parsePrintLabels(load('zh-Hans'), load('zh-Hans', 'domain'))),
  'mn-Mong': unwrap(parsePrintLabels(load('mn-Mong'), load('mn-Mong', 'domain'))),
};

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object')
    return Object.entries(value)
      .filter(([k]) => k !== 'meta')
      .flatMap(([, v]) => strings(v));
  return [];
}

describe('print labels', () => {
  it('has every label in both languages, the Mongolian in traditional script', () => {
    for (const text of strings(labels['mn-Mong'])) {
      const withoutPlaceholders = text.replace(/\{\{\w+\}\}/g, '');
      expect(isMongolianScript(withoutPlaceholders), text).toBe(true);
    }
    expect(
      parsePrintLabels({ ...(load('zh-Hans') as object), form: {} }, load('zh-Hans', 'domain')),
    ).toMatchObject({ ok: false });
    const withoutSex = { ...(load('zh-Hans', 'domain') as object), sex: {} };
    const missingSex = parsePrintLabels(load('zh-Hans'), withoutSex);
    expect(!missingSex.ok && missingSex.error).toContainEqual({
      file: 'domain',
      path: 'sex.male',
      problem: 'missing',
    });
  });

  it('writes Mongolian dates by hand, never in Cyrillic', () => {
    expect(formatPrintDate('2026-11-20T09:30:00.000Z', labels['zh-Hans'])).toBe('2026年11月20日');
    const mn = formatPrintDate('2026-11-20', labels['mn-Mong']);
    expect(mn).toMatch(/^2026 ᠣᠨ\u202fᠤ 11 ᠰᠠᠷ\u180Eᠠ\u202fᠶᠢᠨ 20$/);
  });
});

describe('print documents', () => {
  const fontCss = () => '';
  it('renders a receipt with the grouped code, a QR path and the Mongolian block when chosen', () => {
    const code = sampleTrackingCode('kiosk-print-unit');
    const spec = unwrap(
      parsePrintDocumentSpec({
        kind: 'receipt',
        paper: '58mm',
        receipt: {
          service: 'question',
          trackingCode: code,
          language: 'mn-Mong',
          stationName: { zh: '站', mn: '', mnStatus: 'missing' },
          issuedAt: '2026-11-20T09:30:00Z',
        },
      }),
    );
    const doc = renderPrintDocument(spec, { labels, fontCss });
    expect(doc.paper).toEqual({ kind: 'roll', widthMm: 58 });
    expect(doc.html).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
    expect(doc.html).toContain('12348');
    expect(doc.html).toContain('class="mn-block mn-fit"');
    expect(doc.html).toContain(qrMatrix(code).path);
  });

  it('fills the A4 form and ticks the application’s hardship basis', () => {
    const application = sampleApplication({ language: 'zh-Hans' });
    const doc = renderPrintDocument(
      { kind: 'legalAidForm', application, stationName: { zh: '站', mn: '', mnStatus: 'missing' } },
      { labels, fontCss },
    );
    expect(doc.html).toContain(application.applicant!.idNumber);
    expect(doc.html).toContain('data-basis="migrant_worker_wage_or_injury" data-checked="true"');
    expect(doc.html).toContain('data-basis="dibao" data-checked="false"');
    expect(doc.html).not.toMatch(/[\u1820-\u18AA]/u);
  });

  it('rejects malformed print requests at the boundary', () => {
    expect(parsePrintDocumentSpec({ kind: 'receipt', paper: '99mm', receipt: {} })).toMatchObject({
      ok: false,
    });
    expect(
      parsePrintDocumentSpec({ kind: 'legalAidForm', application: { id: 'x' }, stationName: {} }),
    ).toMatchObject({ ok: false });
    expect(parsePrintDocumentSpec('receipt')).toMatchObject({ ok: false });
  });
});

describe('slips', () => {
  const fontCss = () => '';
  const stationName = { zh: '白音锡勒站', mn: 'ᠪᠠᠶᠠᠨ ᠰᠢᠯᠢ', mnStatus: 'draft' } as const;
  it('prints a Chinese answer slip on A4 with its sections, code and 12348', () => {
    const code = sampleTrackingCode('kiosk-slip-unit');
    const spec = unwrap(
      parsePrintDocumentSpec({
        kind: 'slip',
        slip: {
          paper: 'A4',
          language: 'zh-Hans',
          title: '答复单',
          trackingCode: code,
          stationName,
          issuedAt: '2026-12-04T09:30:00Z',
          sections: [
            { heading: '您的问题', lines: [{ text: '老板欠我三个月工资' }] },
            {
              heading: '律师的答复',
              lines: [{ label: '答复人', text: '巴图' }, { text: '可以申请劳动仲裁。' }],
            },
          ],
        },
      }),
    );
    const doc = renderPrintDocument(spec, { labels, fontCss });
    expect(doc.paper).toMatchObject({ kind: 'sheet', widthMm: 210 });
    expect(doc.title).toContain('答复单');
    expect(doc.html).toContain('可以申请劳动仲裁。');
    expect(doc.html).toContain('答复人：');
    expect(doc.html).toContain('12348');
    expect(doc.html).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
  });

  it('writes a Mongolian slip in vertical columns on the roll', () => {
    const spec = unwrap(
      parsePrintDocumentSpec({
        kind: 'slip',
        slip: {
          paper: '80mm',
          language: 'mn-Mong',
          title: 'ᠬᠠᠷᠢᠭᠤ',
          stationName,
          issuedAt: '2026-12-04T09:30:00Z',
          sections: [{ lines: [{ text: 'ᠬᠠᠤᠯᠢ' }] }],
        },
      }),
    );
    const doc = renderPrintDocument(spec, { labels, fontCss });
    expect(doc.paper).toEqual({ kind: 'roll', widthMm: 80 });
    expect(doc.html).toContain('class="mn-block mn-fit"');
    expect(doc.html).toContain('class="mn-v" lang="mn-Mong"');
  });

  it('refuses a slip with a bad paper, no title or an oversized line', () => {
    const base = {
      paper: 'A4',
      language: 'zh-Hans',
      title: '答复单',
      stationName,
      issuedAt: '2026-12-04T09:30:00Z',
      sections: [],
    };
    expect(parsePrintDocumentSpec({ kind: 'slip', slip: { ...base, paper: 'A3' } }).ok).toBe(false);
    expect(parsePrintDocumentSpec({ kind: 'slip', slip: { ...base, title: ' ' } }).ok).toBe(false);
    expect(
      parsePrintDocumentSpec({
        kind: 'slip',
        slip: { ...base, sections: [{ lines: [{ text: 'x'.repeat(5001) }] }] },
      }).ok,
    ).toBe(false);
    expect(parsePrintDocumentSpec({ kind: 'slip', slip: base }).ok).toBe(true);
  });
});
