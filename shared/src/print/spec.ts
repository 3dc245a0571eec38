/**
 * What can be printed, as plain data: it crosses IPC and the agent's WebSocket, and the host
 * renders it. A React element cannot cross either, and rendering on the host keeps fonts, page
 * sizes and printer settings in one place.
 */
import type { TrackingCode } from '../domain/ids';
import type { LocalizedText } from '../domain/localized-text';
import { err, ok, type Result } from '../domain/result';
import type { Application } from '../domain/schemas/applications';
import { parseTrackingCode } from '../domain/tracking-code';
import { validateDocument } from '../domain/validate';
import { LANGUAGES, REVIEW_STATUSES, type Language } from '../domain/vocabulary';
import { SERVICE_KINDS, type ServiceKind } from './labels';
import { isRecord } from '../domain/is-record';
import {
  REFUSAL_REASONS,
  type DecisionLetterContent,
  type RefusalReason,
} from '../domain/decision-codes';

export type { DecisionLetterContent } from '../domain/decision-codes';
import { CASE_CATEGORIES, type CaseCategory } from '../domain/vocabulary';

export const RECEIPT_PAPERS = ['80mm', '58mm'] as const;
export type ReceiptPaper = (typeof RECEIPT_PAPERS)[number];

export interface ReceiptContent {
  readonly service: ServiceKind;
  readonly trackingCode: TrackingCode;
  /** The language the resident used: Mongolian receipts carry both languages. */
  readonly language: Language;
  readonly stationName: LocalizedText;
  /** ISO timestamp of the submission; printed as its day in China Standard Time. */
  readonly issuedAt: string;
}

export const SLIP_PAPERS = ['A4', '80mm', '58mm'] as const;
export type SlipPaper = (typeof SLIP_PAPERS)[number];

export interface SlipLine {
  readonly label?: string;
  readonly text: string;
}

export interface SlipSection {
  readonly heading?: string;
  readonly lines: readonly SlipLine[];
}

/** A page of text the kiosk composed in `language` (see slip.tsx). */
export interface SlipContent {
  readonly paper: SlipPaper;
  readonly language: Language;
  readonly title: string;
  readonly sections: readonly SlipSection[];
  readonly trackingCode?: TrackingCode;
  readonly stationName: LocalizedText;
  /** ISO timestamp; printed as its day in China Standard Time. */
  readonly issuedAt: string;
}

export type PrintDocumentSpec =
  | { readonly kind: 'receipt'; readonly paper: ReceiptPaper; readonly receipt: ReceiptContent }
  | {
      readonly kind: 'legalAidForm';
      readonly application: Application;
      readonly stationName: LocalizedText;
    }
  | { readonly kind: 'slip'; readonly slip: SlipContent }
  | { readonly kind: 'decisionLetter'; readonly letter: DecisionLetterContent };

export type PrintDocumentKind = PrintDocumentSpec['kind'];

/** Roll paper has a width and grows with its content; sheets are fixed. */
export type Paper =
  | { readonly kind: 'roll'; readonly widthMm: number }
  | { readonly kind: 'sheet'; readonly widthMm: number; readonly heightMm: number };

export const A4: Paper = { kind: 'sheet', widthMm: 210, heightMm: 297 };

export function paperOf(spec: PrintDocumentSpec): Paper {
  switch (spec.kind) {
    case 'receipt':
      return { kind: 'roll', widthMm: spec.paper === '80mm' ? 80 : 58 };
    case 'legalAidForm':
    case 'decisionLetter':
      return A4;
    case 'slip':
      return spec.slip.paper === 'A4'
        ? A4
        : { kind: 'roll', widthMm: spec.slip.paper === '80mm' ? 80 : 58 };
  }
}

export interface SpecIssue {
  readonly path: string;
  readonly message: string;
}

function parseLocalizedText(value: unknown, path: string, issues: SpecIssue[]): LocalizedText {
  if (
    isRecord(value) &&
    typeof value['zh'] === 'string' &&
    value['zh'].trim() !== '' &&
    value['zh'].length <= 200 &&
    typeof value['mn'] === 'string' &&
    value['mn'].length <= 400 &&
    (REVIEW_STATUSES as readonly unknown[]).includes(value['mnStatus'])
  ) {
    return {
      zh: value['zh'],
      mn: value['mn'],
      mnStatus: value['mnStatus'] as LocalizedText['mnStatus'],
    };
  }
  issues.push({ path, message: 'must be {zh, mn, mnStatus} with a non-empty zh of ≤ 200 chars' });
  return { zh: '', mn: '', mnStatus: 'missing' };
}

/** Validates a print request at the host boundary (IPC, WebSocket). */
export function parsePrintDocumentSpec(
  raw: unknown,
): Result<PrintDocumentSpec, readonly SpecIssue[]> {
  const issues: SpecIssue[] = [];
  if (!isRecord(raw)) return err([{ path: '', message: 'must be an object' }]);
  if (raw['kind'] === 'receipt') {
    const paper = raw['paper'];
    if (!(RECEIPT_PAPERS as readonly unknown[]).includes(paper)) {
      issues.push({ path: '/paper', message: `must be one of ${RECEIPT_PAPERS.join(', ')}` });
    }
    const receipt = raw['receipt'];
    if (!isRecord(receipt)) return err([...issues, { path: '/receipt', message: 'required' }]);
    const code = parseTrackingCode(
      typeof receipt['trackingCode'] === 'string' ? receipt['trackingCode'] : '',
    );
    if (!code.ok)
      issues.push({ path: '/receipt/trackingCode', message: 'not a valid tracking code' });
    if (!(SERVICE_KINDS as readonly unknown[]).includes(receipt['service'])) {
      issues.push({
        path: '/receipt/service',
        message: `must be one of ${SERVICE_KINDS.join(', ')}`,
      });
    }
    if (!(LANGUAGES as readonly unknown[]).includes(receipt['language'])) {
      issues.push({ path: '/receipt/language', message: `must be one of ${LANGUAGES.join(', ')}` });
    }
    const issuedAt = receipt['issuedAt'];
    if (
      typeof issuedAt !== 'string' ||
      issuedAt.length > 40 ||
      Number.isNaN(Date.parse(issuedAt))
    ) {
      issues.push({ path: '/receipt/issuedAt', message: 'must be an ISO timestamp' });
    }
    const stationName = parseLocalizedText(receipt['stationName'], '/receipt/stationName', issues);
    if (issues.length > 0 || !code.ok) return err(issues);
    return ok({
      kind: 'receipt',
      paper: paper as ReceiptPaper,
      receipt: {
        service: receipt['service'] as ServiceKind,
        trackingCode: code.value,
        language: receipt['language'] as Language,
        stationName,
        issuedAt: issuedAt as string,
      },
    });
  }
  if (raw['kind'] === 'legalAidForm') {
    const application = validateDocument('applications', raw['application']);
    if (!application.ok) {
      const detail =
        application.error.kind === 'invalid'
          ? application.error.issues.map((i) => ({
              path: `/application${i.path}`,
              message: i.message,
            }))
          : [{ path: '/application', message: 'invalid' }];
      issues.push(...detail);
    }
    const stationName = parseLocalizedText(raw['stationName'], '/stationName', issues);
    if (issues.length > 0 || !application.ok) return err(issues);
    return ok({ kind: 'legalAidForm', application: application.value, stationName });
  }
  if (raw['kind'] === 'decisionLetter') return parseDecisionLetter(raw['letter']);
  if (raw['kind'] === 'slip') return parseSlip(raw['slip'], issues);
  return err([{ path: '/kind', message: 'must be receipt, legalAidForm, slip or decisionLetter' }]);
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max;
const isTime = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));

function parseDecisionLetter(raw: unknown): Result<PrintDocumentSpec, readonly SpecIssue[]> {
  if (!isRecord(raw)) return err([{ path: '/letter', message: 'required' }]);
  const issues: SpecIssue[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) issues.push({ path: `/letter/${path}`, message });
  };
  const decision = raw['decision'];
  need(decision === 'granted' || decision === 'refused', 'decision', 'granted or refused');
  const code = parseTrackingCode(
    typeof raw['trackingCode'] === 'string' ? raw['trackingCode'] : '',
  );
  need(code.ok, 'trackingCode', 'not a valid tracking code');
  need(isText(raw['centerReference'], 64), 'centerReference', '1-64 characters');
  need(isText(raw['applicantName'], 60), 'applicantName', '1-60 characters');
  need(
    (CASE_CATEGORIES as readonly unknown[]).includes(raw['caseCategory']),
    'caseCategory',
    'unknown category',
  );
  need(isTime(raw['receivedAt']), 'receivedAt', 'must be an ISO timestamp');
  need(isTime(raw['decidedAt']), 'decidedAt', 'must be an ISO timestamp');
  need((LANGUAGES as readonly unknown[]).includes(raw['language']), 'language', 'unknown');
  const centerName = parseLocalizedText(raw['centerName'], '/letter/centerName', issues);
  const reasons = raw['refusalReasons'];
  need(
    Array.isArray(reasons) &&
      reasons.every((r) => (REFUSAL_REASONS as readonly unknown[]).includes(r)),
    'refusalReasons',
    `a list of ${REFUSAL_REASONS.join(', ')}`,
  );
  const reasonText = raw['reasonText'];
  need(reasonText === undefined || isText(reasonText, 2000), 'reasonText', '1-2000 characters');
  let lawyer: DecisionLetterContent['lawyer'];
  if (raw['lawyer'] !== undefined) {
    const l = raw['lawyer'];
    if (!isRecord(l)) issues.push({ path: '/letter/lawyer', message: 'must be an object' });
    else {
      const displayName = parseLocalizedText(
        l['displayName'],
        '/letter/lawyer/displayName',
        issues,
      );
      need(l['phone'] === undefined || isText(l['phone'], 20), 'lawyer/phone', '1-20 characters');
      need(typeof l['sample'] === 'boolean', 'lawyer/sample', 'must be true or false');
      lawyer = {
        displayName,
        ...(typeof l['phone'] === 'string' ? { phone: l['phone'] } : {}),
        sample: l['sample'] === true,
      };
    }
  }
  if (issues.length > 0 || !code.ok) return err(issues);
  return ok({
    kind: 'decisionLetter',
    letter: {
      decision: decision as DecisionLetterContent['decision'],
      trackingCode: code.value,
      centerReference: raw['centerReference'] as string,
      applicantName: raw['applicantName'] as string,
      caseCategory: raw['caseCategory'] as CaseCategory,
      receivedAt: raw['receivedAt'] as string,
      decidedAt: raw['decidedAt'] as string,
      language: raw['language'] as Language,
      centerName,
      ...(lawyer ? { lawyer } : {}),
      refusalReasons: reasons as RefusalReason[],
      ...(typeof reasonText === 'string' ? { reasonText } : {}),
    },
  });
}

const SLIP_LIMITS = { title: 200, sections: 40, lines: 80, label: 200, text: 5000 } as const;

function boundedText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function parseSlip(
  raw: unknown,
  issues: SpecIssue[],
): Result<PrintDocumentSpec, readonly SpecIssue[]> {
  if (!isRecord(raw)) return err([{ path: '/slip', message: 'required' }]);
  if (!(SLIP_PAPERS as readonly unknown[]).includes(raw['paper'])) {
    issues.push({ path: '/slip/paper', message: `must be one of ${SLIP_PAPERS.join(', ')}` });
  }
  if (!(LANGUAGES as readonly unknown[]).includes(raw['language'])) {
    issues.push({ path: '/slip/language', message: `must be one of ${LANGUAGES.join(', ')}` });
  }
  const title = raw['title'];
  if (!boundedText(title, SLIP_LIMITS.title) || title.trim() === '') {
    issues.push({ path: '/slip/title', message: `1-${SLIP_LIMITS.title} characters` });
  }
  const sections: SlipSection[] = [];
  const rawSections = raw['sections'];
  if (!Array.isArray(rawSections) || rawSections.length > SLIP_LIMITS.sections) {
    issues.push({ path: '/slip/sections', message: `an array of ≤ ${SLIP_LIMITS.sections}` });
  } else {
    rawSections.forEach((section: unknown, i) => {
      const path = `/slip/sections/${i}`;
      if (!isRecord(section) || !Array.isArray(section['lines'])) {
        issues.push({ path, message: 'must be {heading?, lines}' });
        return;
      }
      const heading = section['heading'];
      if (heading !== undefined && !boundedText(heading, SLIP_LIMITS.label)) {
        issues.push({ path: `${path}/heading`, message: `≤ ${SLIP_LIMITS.label} characters` });
      }
      const lines: SlipLine[] = [];
      const rawLines = section['lines'] as unknown[];
      if (rawLines.length > SLIP_LIMITS.lines) {
        issues.push({ path: `${path}/lines`, message: `≤ ${SLIP_LIMITS.lines} lines` });
      }
      rawLines.forEach((line, j) => {
        const label = isRecord(line) ? line['label'] : undefined;
        const text = isRecord(line) ? line['text'] : undefined;
        if (
          !boundedText(text, SLIP_LIMITS.text) ||
          (label !== undefined && !boundedText(label, SLIP_LIMITS.label))
        ) {
          issues.push({ path: `${path}/lines/${j}`, message: 'must be {label?, text}' });
          return;
        }
        lines.push(label === undefined ? { text } : { label, text });
      });
      sections.push(typeof heading === 'string' ? { heading, lines } : { lines });
    });
  }
  let trackingCode: TrackingCode | undefined;
  if (raw['trackingCode'] !== undefined) {
    const code = parseTrackingCode(
      typeof raw['trackingCode'] === 'string' ? raw['trackingCode'] : '',
    );
    if (code.ok) trackingCode = code.value;
    else issues.push({ path: '/slip/trackingCode', message: 'not a valid tracking code' });
  }
  const issuedAt = raw['issuedAt'];
  if (typeof issuedAt !== 'string' || issuedAt.length > 40 || Number.isNaN(Date.parse(issuedAt))) {
    issues.push({ path: '/slip/issuedAt', message: 'must be an ISO timestamp' });
  }
  const stationName = parseLocalizedText(raw['stationName'], '/slip/stationName', issues);
  if (issues.length > 0) return err(issues);
  return ok({
    kind: 'slip',
    slip: {
      paper: raw['paper'] as SlipPaper,
      language: raw['language'] as Language,
      title: title as string,
      sections,
      ...(trackingCode === undefined ? {} : { trackingCode }),
      stationName,
      issuedAt: issuedAt as string,
    },
  });
}
