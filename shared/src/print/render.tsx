/** @jsxRuntime automatic @jsxImportSource react */
/**
 * A print document as one self-contained HTML string (styles and fonts inline, QR as SVG). The
 * host loads it into a page, measures rolls, sets the `@page` size and prints or makes a PDF.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { throwIllegalValue } from '../domain/result';
import { formatTrackingCode } from '../domain/tracking-code';
import { DecisionLetter } from './decision-letter';
import { LegalAidForm } from './legal-aid-form';
import type { PrintLabelSet } from './labels';
import { BASE_CSS, PAGE_STYLE_ID, pageRule, type PrintFontCss } from './print-css';
import { Receipt } from './receipt';
import { Slip } from './slip';
import { paperOf, type Paper, type PrintDocumentSpec } from './spec';

export interface RenderOptions {
  readonly labels: PrintLabelSet;
  readonly fontCss: PrintFontCss;
  /** Known content height of a roll; without it the page is A4-tall until measured. */
  readonly rollHeightMm?: number;
}

export interface RenderedDocument {
  readonly html: string;
  readonly paper: Paper;
  /** Document title: also the PDF title and the print job name. */
  readonly title: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderPrintDocument(
  spec: PrintDocumentSpec,
  options: RenderOptions,
): RenderedDocument {
  const paper = paperOf(spec);
  const zh = options.labels['zh-Hans'];
  let body: string;
  let title: string;
  switch (spec.kind) {
    case 'receipt':
      body = renderToStaticMarkup(
        <Receipt paper={spec.paper} receipt={spec.receipt} labels={options.labels} />,
      );
      title = `${zh.receipt.title} ${formatTrackingCode(spec.receipt.trackingCode)}`;
      break;
    case 'legalAidForm':
      body = renderToStaticMarkup(
        <LegalAidForm
          application={spec.application}
          stationName={spec.stationName}
          labels={options.labels}
        />,
      );
      title = `${zh.form.title} ${formatTrackingCode(spec.application.trackingCode)}`;
      break;
    case 'decisionLetter':
      body = renderToStaticMarkup(<DecisionLetter letter={spec.letter} labels={options.labels} />);
      title = `${
        spec.letter.decision === 'granted' ? zh.letter.titleGranted : zh.letter.titleRefused
      } ${formatTrackingCode(spec.letter.trackingCode)}`;
      break;
    case 'slip':
      body = renderToStaticMarkup(<Slip slip={spec.slip} labels={options.labels} />);
      title = spec.slip.trackingCode
        ? `${spec.slip.title} ${formatTrackingCode(spec.slip.trackingCode)}`
        : spec.slip.title;
      break;
    default:
      return throwIllegalValue(spec);
  }
  const html =
    '<!doctype html><html lang="zh-Hans-CN"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title>` +
    `<style>${options.fontCss(body)}${BASE_CSS}</style>` +
    `<style id="${PAGE_STYLE_ID}">${pageRule(paper, options.rollHeightMm)}</style>` +
    `</head><body>${body}</body></html>`;
  return { html, paper, title };
}
