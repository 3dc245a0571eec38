/**
 * Print documents rendered to PDF in Chromium and read back with poppler and zbar: page sizes
 * (pdfinfo), the tracking code and Mongolian text in the text layer (pdftotext), the QR code
 * decoding to the tracking code (pdftoppm + zbarimg). PDFs and PNGs land in e2e/artifacts/print.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTrackingCode, unwrap, type LocalizedText } from '@pls/shared/domain';
import type { PrintDocumentSpec } from '@pls/shared/print';
import { sampleApplication, sampleTrackingCode } from '@pls/shared/testing';
import { createChromiumPageEngine } from './chromium-page-engine';
import { createDocumentRenderer } from './document-renderer';
import { loadPrintLabels } from './print-labels';
import { createPrintService } from './print-service';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'e2e', 'artifacts', 'print');
mkdirSync(out, { recursive: true });

const engine = createChromiumPageEngine();
const service = createPrintService({ render: createDocumentRenderer(root), engine, printers: {} });
afterAll(() => engine.dispose());

const labelSet = unwrap(loadPrintLabels(join(root, 'locales')));
const labels = { zh: labelSet['zh-Hans'], mn: labelSet['mn-Mong'] };
const station: LocalizedText = {
  zh: '白音锡勒公共法律服务工作站',
  mn: 'ᠪᠠᠶᠠᠨᠰᠢᠯᠡ ᠶᠢᠨ ᠠᠵᠢᠯ ᠤᠨ ᠥᠷᠲᠡᠭᠡ',
  mnStatus: 'draft',
};

async function pdfOf(name: string, document: PrintDocumentSpec) {
  const result = await service.renderPdf({ document });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, Buffer.from(result.value.pdfBase64, 'base64'));
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-r', '200', '-png', file, join(out, name)]);
  return {
    info: run('pdfinfo', [file]),
    text: run('pdftotext', ['-layout', file, '-']),
    raw: run('pdftotext', ['-raw', file, '-']),
    qr: (page = 1) => {
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
      const png = join(out, `${name}-${String(page).padStart(String(pages).length, '0')}.png`);
      return run('zbarimg', ['-q', '--raw', png]).trim();
    },
    pageSize: result.value.pageSize,
  };
}

/** "Page size: 227.04 x 669.12 pts" → millimetres. */
function pageSizeMm(info: string): { width: number; height: number } {
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  if (!match) throw new Error(info);
  return { width: (Number(match[1]) * 25.4) / 72, height: (Number(match[2]) * 25.4) / 72 };
}

describe('print documents to PDF', () => {
  const code = sampleTrackingCode('kiosk-print-test');
  const receipt = (paper: '80mm' | '58mm', language: 'zh-Hans' | 'mn-Mong'): PrintDocumentSpec => ({
    kind: 'receipt',
    paper,
    receipt: {
      service: 'legalAid',
      trackingCode: code,
      language,
      stationName: station,
      issuedAt: '2026-11-20T09:30:00.000Z',
    },
  });

  it('prints an 80 mm receipt in Chinese and Mongolian: code in text and QR, one roll page', async () => {
    const pdf = await pdfOf('receipt-80mm-mn', receipt('80mm', 'mn-Mong'));
    const size = pageSizeMm(pdf.info);
    expect(size.width).toBeCloseTo(80, 0);
    expect(size.height).toBeCloseTo(pdf.pageSize.heightMm, 0);
    expect(pdf.info).toMatch(/Pages:\s+1\n/);
    expect(pdf.text).toContain(formatTrackingCode(code));
    expect(pdf.text).toContain('12348');
    expect(pdf.text).toContain(labels.zh.receipt.title);
    expect(pdf.text).toContain('2026年11月20日');
    expect(pdf.qr()).toBe(code);
    // Vertical traditional Mongolian comes back as Mongolian text from the text layer.
    for (const word of [labels.mn.receipt.title, labels.mn.receipt.hotline]
      .join(' ')
      .split(/[ \u202f]/)) {
      expect(pdf.raw).toContain(word);
    }
    // The hand-written Mongolian date (Intl would give Cyrillic).
    expect(pdf.raw).toMatch(/2026\s+ᠣᠨ/);
    expect(pdf.raw).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it('prints a 58 mm Chinese-only receipt that fits the narrow roll', async () => {
    const pdf = await pdfOf('receipt-58mm-zh', receipt('58mm', 'zh-Hans'));
    const size = pageSizeMm(pdf.info);
    expect(size.width).toBeCloseTo(58, 0);
    expect(size.height).toBeGreaterThan(80);
    expect(size.height).toBeLessThan(200);
    expect(pdf.text).toContain(formatTrackingCode(code));
    expect(pdf.qr()).toBe(code);
    expect(pdf.raw).not.toMatch(/[\u1820-\u18AA]/u);
  });

  it('prints the A4 legal-aid form, filled and bilingual, on two A4 pages', async () => {
    const application = sampleApplication({ language: 'mn-Mong' });
    const pdf = await pdfOf('legal-aid-form-mn', {
      kind: 'legalAidForm',
      application,
      stationName: station,
    });
    expect(pdf.info).toMatch(
      /Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)|Page size:\s+594\.96 x 841\.92 pts/,
    );
    expect(pdf.info).toMatch(/Pages:\s+2\n/);
    for (const text of [
      labels.zh.form.title,
      application.applicant!.name,
      application.applicant!.idNumber,
      application.applicant!.phone,
      labels.zh.caseCategory.wage_arrears,
      labels.zh.hardship.migrant_worker_wage_or_injury,
      formatTrackingCode(application.trackingCode),
      '1961年4月12日',
    ]) {
      expect(pdf.text.replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''));
    }
    for (const word of labels.mn.form.title.split(/[ \u202f]/)) expect(pdf.raw).toContain(word);
    expect(pdf.qr(2)).toBe(application.trackingCode);
  });

  it('prints documents asked for at once each with its own data, one after the other', async () => {
    // The engine lays every document out on one warm page: requests must take turns on it.
    const first = sampleApplication({ language: 'zh-Hans' });
    const [a, b] = await Promise.all([
      pdfOf('concurrent-form-a', {
        kind: 'legalAidForm',
        application: first,
        stationName: station,
      }),
      pdfOf('concurrent-receipt-b', receipt('58mm', 'zh-Hans')),
    ]);
    const flat = (text: string) => text.replace(/\s+/g, '');
    expect(flat(a.text)).toContain(flat(formatTrackingCode(first.trackingCode)));
    expect(a.text).not.toContain(formatTrackingCode(code));
    expect(a.info).toMatch(/Pages:\s+2\n/);
    expect(b.text).toContain(formatTrackingCode(code));
    expect(flat(b.text)).not.toContain(flat(formatTrackingCode(first.trackingCode)));
    expect(b.text).not.toContain(first.applicant!.name);
    expect(b.pageSize.widthMm).toBe(58);
  });

  it('prints a Chinese-only form without Mongolian', async () => {
    const application = sampleApplication({
      language: 'zh-Hans',
      descriptionByStaff: true,
      description: '',
    });
    const pdf = await pdfOf('legal-aid-form-zh', {
      kind: 'legalAidForm',
      application,
      stationName: station,
    });
    expect(pdf.info).toMatch(/Pages:\s+2\n/);
    expect(pdf.text).toContain(labels.zh.form.descriptionByStaff);
    expect(pdf.raw).not.toMatch(/[\u1820-\u18AA]/u);
  });
});
