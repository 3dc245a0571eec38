/**
 * The accessibility audit every e2e driver runs: serious or critical axe-core violations of the
 * page as it is now, as one line each (rule, impact, the first three offending nodes).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated over CDP, not added as a script tag: the console's CSP (no inline scripts) would
  // refuse a tag, and evaluation works the same on every page.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // axe-core's global, loaded just above.
    const axe = (
      window as unknown as {
        axe: {
          run(ctx: Document): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
  });
}
