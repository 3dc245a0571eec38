/**
 * The benchmark framework: suites produce named measurements; the runner prints them as a
 * table and writes bench/results/latest.json as [{name, value, unit, reference, ratio}].
 * `reference` is measured in the same run: the physical floor of the same work (e.g. reading the
 * rows straight from the database) or, where there is none, the plain way without our work
 * around it (bench/README.md says which, per figure). Never a fixed budget: those are notes.
 * `ratio` is value / reference (for a rate: the share of the reference reached; for a time: how
 * many times the reference it took).
 */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly reference: number;
  /** null only when the reference came out as 0 (e.g. below the timer's resolution). */
  readonly ratio: number | null;
}

export interface BenchContext {
  /** Short mode (`--quick`): the whole run stays under a minute. */
  readonly quick: boolean;
  log(message: string): void;
  /** Says plainly what could not be measured and why; printed under the table. */
  note(message: string): void;
}

export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

/** One figure with its same-run reference; a figure without one is not reported. */
export function result(name: string, value: number, unit: string, reference: number): BenchResult {
  // NaN or Infinity here means a suite measured nothing (no samples): a bug, not a result.
  if (!Number.isFinite(value) || !Number.isFinite(reference)) {
    throw new Error(`${name}: value ${value} or reference ${reference} is not a finite number`);
  }
  const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100);
  return {
    name,
    value: round(value),
    unit,
    reference: round(reference),
    ratio: reference === 0 ? null : Math.round((value / reference) * 1000) / 1000,
  };
}

/** The p-th percentile (0-100) of some samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function formatTable(results: readonly BenchResult[]): string {
  const rows = [
    ['name', 'value', 'unit', 'reference', 'ratio'],
    ...results.map((r) => [
      r.name,
      String(r.value),
      r.unit,
      String(r.reference),
      r.ratio === null ? '-' : String(r.ratio),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row, n) => {
      const line = row
        .map((cell, i) =>
          i === 0 || i === 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
        )
        .join('  ');
      return n === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

/** What a suite module's `run` receives: the run mode, and where to log and leave notes. */
export interface RunOptions {
  readonly quick?: boolean;
  readonly log?: (message: string) => void;
  readonly note?: (message: string) => void;
}

/** Wraps a suite module's `run({quick, log, note})` as a suite. */
export function fromRunFunction(
  name: string,
  description: string,
  run: (options: RunOptions) => Promise<readonly BenchResult[]>,
): BenchSuite {
  return {
    name,
    description,
    run: async (ctx) => [...(await run({ quick: ctx.quick, log: ctx.log, note: ctx.note }))],
  };
}
