/**
 * Lays a rendered document out on a surface: a roll is measured and gets an @page exactly as
 * tall as its content (thermal printers cut where the page ends); a sheet keeps its size.
 */
import {
  MEASURE_ROLL_SCRIPT,
  PAGE_STYLE_ID,
  pageRule,
  rollHeightMmFromPx,
  type RenderedDocument,
} from '@pls/shared/print';
import type { PageSizeMm } from '@pls/shared/protocol';
import type { PageEngine, PrintSurface } from './page-engine';

export interface LaidOutDocument {
  readonly surface: PrintSurface;
  readonly pageSize: PageSizeMm;
}

export function mmToCssPx(mm: number): number {
  return (mm * 96) / 25.4;
}

export async function layOut(engine: PageEngine, doc: RenderedDocument): Promise<LaidOutDocument> {
  const surface = await engine.open(doc.html, mmToCssPx(doc.paper.widthMm));
  try {
    let heightMm: number;
    if (doc.paper.kind === 'roll') {
      const px = await surface.evaluate<number>(MEASURE_ROLL_SCRIPT);
      if (!Number.isFinite(px) || px <= 0) throw new Error(`roll measured ${px} px`);
      heightMm = rollHeightMmFromPx(px);
      const rule = pageRule(doc.paper, heightMm);
      await surface.evaluate(
        `document.getElementById(${JSON.stringify(PAGE_STYLE_ID)}).textContent = ${JSON.stringify(rule)}`,
      );
    } else {
      heightMm = doc.paper.heightMm;
      await surface.evaluate('document.fonts.ready.then(() => true)');
    }
    return { surface, pageSize: { widthMm: doc.paper.widthMm, heightMm } };
  } catch (error) {
    await surface.close();
    throw error;
  }
}
