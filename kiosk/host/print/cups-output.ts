/**
 * Printing through CUPS for the device agent (a thin Linux PC running the kiosk in Chromium):
 * the document becomes a PDF in headless Chromium and goes to the queue with `lp`, at the page
 * size of the document so a receipt printer cuts after the content. State comes from `lpstat`.
 * Commands run without a shell; queue names were validated at the bridge.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok } from '@pls/shared/domain';
import type { PrinterOutput } from './printer-output';
import { parseLpstat } from './printer-status';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type RunCommand = (command: string, args: readonly string[]) => Promise<CommandResult>;

const runCommand: RunCommand = (command, args) =>
  new Promise((resolve) => {
    execFile(command, [...args], { timeout: 15_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code =
        error === null
          ? 0
          : typeof error.code === 'number'
            ? error.code
            : error.code === 'ENOENT'
              ? 127
              : 1;
      resolve({ code, stdout, stderr: stderr || (error?.message ?? '') });
    });
  });

export function lpArguments(
  file: string,
  printer: string,
  copies: number,
  title: string,
  pageSize: { widthMm: number; heightMm: number },
): string[] {
  const media = `Custom.${Math.round(pageSize.widthMm)}x${Math.round(pageSize.heightMm)}mm`;
  return ['-d', printer, '-n', String(copies), '-t', title, '-o', `media=${media}`, '--', file];
}

export function parseLpJobId(stdout: string): string | null {
  return /request id is (\S+)/.exec(stdout)?.[1] ?? null;
}

export function createCupsOutput(run: RunCommand = runCommand): PrinterOutput {
  return {
    async print({ surface, printer, copies, title, pageSize }) {
      const pdf = await surface.pdf();
      const dir = await mkdtemp(join(tmpdir(), 'pls-print-'));
      const file = join(dir, 'document.pdf');
      try {
        await writeFile(file, pdf, { mode: 0o600 });
        const result = await run('lp', lpArguments(file, printer, copies, title, pageSize));
        if (result.code !== 0) return err(result.stderr.trim() || `lp exited with ${result.code}`);
        return ok({ jobId: parseLpJobId(result.stdout) });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async status(printer) {
      const result = await run('lpstat', ['-l', '-p', printer]);
      if (result.code === 127)
        return { kind: 'unknown', printer, detail: 'CUPS (lpstat) is not installed' };
      if (result.code !== 0) {
        if (/invalid destination|unknown destination|no destinations/i.test(result.stderr)) {
          return { kind: 'disconnected', printer };
        }
        return { kind: 'unknown', printer, detail: result.stderr.trim() };
      }
      return parseLpstat(printer, result.stdout);
    },
  };
}
