import { describe, expect, it } from 'vitest';
import { lpArguments, parseLpJobId } from './cups-output';
import { toElectronPrintOptions } from './electron-output';
import { canPrint, parseLpstat, statusFromPrinterOptions } from './printer-status';

describe('printer status', () => {
  it('maps CUPS state reasons onto the status union', () => {
    const s = (state: string, reasons: string) =>
      statusFromPrinterOptions('XP80', {
        'printer-state': state,
        'printer-state-reasons': reasons,
      });
    expect(s('3', 'none')).toEqual({ kind: 'ready', printer: 'XP80', paperLow: false });
    expect(s('3', 'media-low-warning')).toEqual({ kind: 'ready', printer: 'XP80', paperLow: true });
    expect(s('4', 'none')).toEqual({ kind: 'busy', printer: 'XP80', paperLow: false });
    expect(s('5', 'media-empty-error')).toEqual({ kind: 'noPaper', printer: 'XP80' });
    expect(s('3', 'media-jam-error')).toEqual({ kind: 'paperJam', printer: 'XP80' });
    expect(s('5', 'cover-open-error')).toEqual({ kind: 'coverOpen', printer: 'XP80' });
    expect(s('5', 'offline-report')).toEqual({ kind: 'disconnected', printer: 'XP80' });
    expect(s('5', 'paused')).toEqual({ kind: 'paused', printer: 'XP80' });
    expect(s('5', 'toner-empty-error')).toEqual({
      kind: 'error',
      printer: 'XP80',
      reasons: ['toner-empty-error'],
    });
    expect(statusFromPrinterOptions('XP80', {})).toMatchObject({ kind: 'unknown' });
  });

  it('reads lpstat output', () => {
    expect(
      parseLpstat('XP80', 'printer XP80 is idle.  enabled since Sat 21 Nov\n\tAlerts: none\n'),
    ).toEqual({
      kind: 'ready',
      printer: 'XP80',
      paperLow: false,
    });
    expect(
      parseLpstat(
        'XP80',
        'printer XP80 disabled since Sat -\n\tPaused\n\tAlerts: media-empty-error\n',
      ),
    ).toEqual({
      kind: 'noPaper',
      printer: 'XP80',
    });
    expect(
      parseLpstat('XP80', 'printer XP80 now printing XP80-12.  enabled since x\n'),
    ).toMatchObject({ kind: 'busy' });
    expect(parseLpstat('XP80', '')).toEqual({ kind: 'disconnected', printer: 'XP80' });
  });

  it('prints only when the printer can take a job', () => {
    expect(canPrint({ kind: 'ready', printer: 'p', paperLow: true })).toBe(true);
    expect(canPrint({ kind: 'unknown', printer: 'p', detail: '' })).toBe(true);
    expect(canPrint({ kind: 'noPaper', printer: 'p' })).toBe(false);
    expect(canPrint({ kind: 'notConfigured', target: 'a4' })).toBe(false);
  });

  it('gives Electron the page size in microns and CUPS a custom media in mm', () => {
    expect(toElectronPrintOptions('XP80', 1, { widthMm: 80, heightMm: 123.4 })).toMatchObject({
      silent: true,
      deviceName: 'XP80',
      margins: { marginType: 'none' },
      pageSize: { width: 80000, height: 123400 },
    });
    expect(
      lpArguments('/tmp/a.pdf', 'XP80', 2, 'receipt', { widthMm: 80, heightMm: 123.4 }),
    ).toEqual([
      '-d',
      'XP80',
      '-n',
      '2',
      '-t',
      'receipt',
      '-o',
      'media=Custom.80x123mm',
      '--',
      '/tmp/a.pdf',
    ]);
    expect(parseLpJobId('request id is XP80-17 (1 file(s))\n')).toBe('XP80-17');
  });
});
