/** Renders print specs with the shipped labels and fonts (read once at start-up). */
import { unwrap } from '@pls/shared/domain';
import {
  renderPrintDocument,
  type PrintDocumentSpec,
  type RenderedDocument,
} from '@pls/shared/print';
import { join } from 'node:path';
import { loadPrintLabels } from './print-labels';
import { createPrintFontCss, locatePrintFonts } from './print-fonts';

export function createDocumentRenderer(
  repoRoot: string,
): (spec: PrintDocumentSpec) => RenderedDocument {
  const labels = loadPrintLabels(join(repoRoot, 'locales'));
  if (!labels.ok) {
    throw new Error(`print labels are broken: ${JSON.stringify(labels.error)}`);
  }
  const fontCss = createPrintFontCss(locatePrintFonts(repoRoot));
  const set = unwrap(labels);
  return (spec) => renderPrintDocument(spec, { labels: set, fontCss });
}
