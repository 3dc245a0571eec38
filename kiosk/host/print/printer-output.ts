/** Where laid-out documents go: a spooler (CUPS), or Electron's silent print. */
import type { Result } from '@pls/shared/domain';
import type { PageSizeMm, PrinterStatus } from '@pls/shared/protocol';
import type { PrintSurface } from './page-engine';

export interface PrintJob {
  readonly surface: PrintSurface;
  readonly printer: string;
  readonly copies: number;
  readonly title: string;
  readonly pageSize: PageSizeMm;
}

export interface PrinterOutput {
  /** Sends one job; the error is the platform's reason, for the log and staff. */
  print(job: PrintJob): Promise<Result<{ readonly jobId: string | null }, string>>;
  status(printer: string): Promise<PrinterStatus>;
}
