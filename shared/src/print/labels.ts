/**
 * Labels of the print documents, one object per language, loaded from
 * `locales/<language>/print.json`. Print documents never fall back silently: a label missing in
 * either language is an error when the file is loaded, not a blank on paper.
 */
import { err, ok, type Result } from '../domain/result';
import { CASE_CATEGORIES, HARDSHIP_BASES, IDENTITY_SOURCES, SEXES } from '../domain/vocabulary';

export const SERVICE_KINDS = ['legalAid', 'question', 'appointment'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

const RECEIPT_KEYS = [
  'title',
  'trackingCode',
  'station',
  'date',
  'nextSteps',
  'hotline',
  'scanToTrack',
  'keep',
] as const;
const FORM_KEYS = [
  'title',
  'applicant',
  'name',
  'sex',
  'nation',
  'birthDate',
  'idNumber',
  'address',
  'phone',
  'caseSection',
  'caseCategory',
  'descriptionByStaff',
  'hardshipSection',
  'requestSection',
  'requestText',
  'declaration',
  'signature',
  'date',
  'trackingCode',
  'station',
  'submittedAt',
  'identitySource',
  'purged',
  'page',
] as const;

type Record0<K extends string> = { readonly [P in K]: string };

export interface PrintLabels {
  readonly receipt: Record0<(typeof RECEIPT_KEYS)[number]>;
  readonly service: Record0<ServiceKind>;
  readonly steps: { readonly [K in ServiceKind]: readonly string[] };
  readonly form: Record0<(typeof FORM_KEYS)[number]>;
  readonly identitySource: Record0<(typeof IDENTITY_SOURCES)[number]>;
  readonly sex: Record0<(typeof SEXES)[number]>;
  readonly caseCategory: Record0<(typeof CASE_CATEGORIES)[number]>;
  readonly hardship: Record0<(typeof HARDSHIP_BASES)[number]>;
  /** `{{year}}`, `{{month}}`, `{{day}}`: the date is written by hand, not by Intl (see below). */
  readonly date: { readonly pattern: string };
}

/** Labels of both languages; Chinese is always printed, Mongolian when the user chose it. */
export interface PrintLabelSet {
  readonly 'zh-Hans': PrintLabels;
  readonly 'mn-Mong': PrintLabels;
}

export interface LabelProblem {
  readonly path: string;
  readonly problem: 'missing' | 'notText';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function section(
  json: Record<string, unknown>,
  name: string,
  keys: readonly string[],
  problems: LabelProblem[],
): Record<string, string> {
  const value = json[name];
  const out: Record<string, string> = {};
  if (!isRecord(value)) {
    problems.push({ path: name, problem: 'missing' });
    return out;
  }
  for (const key of keys) {
    const text = value[key];
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push({
        path: `${name}.${key}`,
        problem: text === undefined ? 'missing' : 'notText',
      });
    } else {
      out[key] = text;
    }
  }
  return out;
}

/** Checks a parsed print.json; every label must be present and non-empty. */
export function parsePrintLabels(json: unknown): Result<PrintLabels, readonly LabelProblem[]> {
  const problems: LabelProblem[] = [];
  if (!isRecord(json)) return err([{ path: '', problem: 'missing' }]);
  const receipt = section(json, 'receipt', RECEIPT_KEYS, problems);
  const service = section(json, 'service', SERVICE_KINDS, problems);
  const form = section(json, 'form', FORM_KEYS, problems);
  const identitySource = section(json, 'identitySource', IDENTITY_SOURCES, problems);
  const sex = section(json, 'sex', SEXES, problems);
  const caseCategory = section(json, 'caseCategory', CASE_CATEGORIES, problems);
  const hardship = section(json, 'hardship', HARDSHIP_BASES, problems);
  const date = section(json, 'date', ['pattern'], problems);
  const steps: Record<string, string[]> = {};
  const rawSteps = json['steps'];
  for (const kind of SERVICE_KINDS) {
    const list = isRecord(rawSteps) ? rawSteps[kind] : undefined;
    if (!Array.isArray(list) || list.length === 0) {
      problems.push({ path: `steps.${kind}`, problem: 'missing' });
    } else if (!list.every((s): s is string => typeof s === 'string' && s.trim() !== '')) {
      problems.push({ path: `steps.${kind}`, problem: 'notText' });
    } else {
      steps[kind] = list;
    }
  }
  if (problems.length > 0) return err(problems);
  // Every key was checked above, so the casts only restate what the loops proved.
  return ok({
    receipt: receipt as PrintLabels['receipt'],
    service: service as PrintLabels['service'],
    steps: steps as unknown as PrintLabels['steps'],
    form: form as PrintLabels['form'],
    identitySource: identitySource as PrintLabels['identitySource'],
    sex: sex as PrintLabels['sex'],
    caseCategory: caseCategory as PrintLabels['caseCategory'],
    hardship: hardship as PrintLabels['hardship'],
    date: date as PrintLabels['date'],
  });
}

/** Replaces `{{name}}` placeholders; an unknown placeholder is a bug in a label file. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`label template needs a value for {{${name}}}`);
    return value;
  });
}
