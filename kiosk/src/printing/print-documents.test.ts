import { describe, expect, it } from 'vitest';
import { err, ok } from '@pls/shared/domain';
import { parsePrintDocumentSpec } from '@pls/shared/print';
import { hostUnavailable, type KioskApi, type PrintDocumentInput } from '@pls/shared/protocol';
import { sampleApplication, sampleTrackingCode } from '@pls/shared/testing';
import { formSpec, printSpec, receiptSpec, type PrinterSettings } from './print-documents';

const STATION = { zh: '白音锡勒公共法律服务工作站', mn: '', mnStatus: 'missing' as const };
const SETTINGS: PrinterSettings = {
  receiptWidth: '58mm',
  receiptPrinterName: 'XP58',
  a4Enabled: true,
};

function fakePrint(answer: Awaited<ReturnType<KioskApi['print']['printDocument']>>) {
  const jobs: PrintDocumentInput[] = [];
  const print = {
    printDocument: async (input: PrintDocumentInput) => {
      jobs.push(input);
      return answer;
    },
  } as unknown as KioskApi['print'];
  return { print, jobs };
}

describe('print documents', () => {
  const application = sampleApplication({ trackingCode: sampleTrackingCode() });

  it('makes a receipt and a form the host accepts, on the configured printer', async () => {
    const receipt = receiptSpec(application, STATION, SETTINGS);
    const form = formSpec(application, STATION, SETTINGS);
    expect(parsePrintDocumentSpec(receipt).ok).toBe(true);
    expect(parsePrintDocumentSpec(form).ok).toBe(true);
    const { print, jobs } = fakePrint(
      ok({ printer: 'XP58', title: 'r', pageSize: { widthMm: 58, heightMm: 90 }, jobId: '7' }),
    );
    expect(await printSpec(print, receipt, SETTINGS)).toEqual({ kind: 'printed', printer: 'XP58' });
    expect(jobs[0]).toMatchObject({
      printerName: 'XP58',
      copies: 1,
      document: { kind: 'receipt', paper: '58mm' },
    });
  });

  it('says why nothing was printed: disabled, printer not ready, failure, host gone', async () => {
    expect(
      receiptSpec(application, STATION, { ...SETTINGS, receiptWidth: 'none' }),
    ).toBeUndefined();
    const { applicant: _a, ...purged } = application;
    expect(
      formSpec({ ...purged, piiPurgedAt: application.createdAt }, STATION, SETTINGS),
    ).toBeUndefined();
    const spec = receiptSpec(application, STATION, SETTINGS);
    const { print: noPaper } = fakePrint(
      err({ kind: 'printerNotReady', status: { kind: 'noPaper', printer: 'XP58' } }),
    );
    expect(await printSpec(noPaper, spec, SETTINGS)).toEqual({
      kind: 'notReady',
      status: { kind: 'noPaper', printer: 'XP58' },
    });
    const { print: failed } = fakePrint(
      err({ kind: 'printFailed', printer: 'XP58', reason: 'Print job failed' }),
    );
    expect(await printSpec(failed, spec, SETTINGS)).toEqual({
      kind: 'failed',
      detail: 'XP58: Print job failed',
    });
    // The bridge answers a dropped agent link as host_unavailable, never by rejecting.
    const gone = {
      printDocument: async () => err(hostUnavailable('disconnected')),
    } as unknown as KioskApi['print'];
    expect(await printSpec(gone, spec, SETTINGS)).toEqual({
      kind: 'failed',
      detail: 'host_unavailable (disconnected)',
    });
    expect(await printSpec(gone, undefined, SETTINGS)).toEqual({ kind: 'disabled' });
  });
});
