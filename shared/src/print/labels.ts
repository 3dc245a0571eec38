/**
 * Labels of the print documents, one object per language, loaded from
 * `locales/<language>/print.json` plus the vocabulary labels of `locales/<language>/domain.json`
 * (sex, identity source, case category, nation), so paper and screen name things alike. The
 * hardship grounds stay in print.json: the form quotes the statute (法律援助法 第四十二条), the
 * screens explain it in plain words. Print documents never fall back silently: a label missing
 * in either language is an error when the files are loaded, not a blank on paper.
 */
import { err, ok, type Result } from '../domain/result';
import { NATIONS } from '../domain/nations';
import { CASE_CATEGORIES, HARDSHIP_BASES, IDENTITY_SOURCES, SEXES } from '../domain/vocabulary';
import { MISSING_MATERIALS, REFUSAL_REASONS } from '../domain/decision-codes';
import { isRecord } from '../domain/is-record';

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

/** 给予/不予法律援助决定书 (法律援助法 第四十三条; objection per 第四十九条). */
const LETTER_KEYS = [
  'titleGranted',
  'titleRefused',
  'salutation',
  'grantedBody',
  'assignedTo',
  'lawyerPhone',
  'refusedBody',
  'reasons',
  'refusedDecision',
  'objection',
  'reference',
  'trackingCode',
  'center',
  'date',
  'sample',
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
  readonly letter: Record0<(typeof LETTER_KEYS)[number]>;
  readonly refusalReason: Record0<(typeof REFUSAL_REASONS)[number]>;
  readonly missingMaterial: Record0<(typeof MISSING_MATERIALS)[number]>;
  /** 民族 names by code (GB 3304 + 97/98), from the domain labels. */
  readonly nation: Readonly<Record<string, string>>;
  /** `{{year}}`, `{{month}}`, `{{day}}`: the date is written by hand, not by Intl (see below). */
  readonly date: { readonly pattern: string };
}

/** Labels of both languages; Chinese is always printed, Mongolian when the user chose it. */
export interface PrintLabelSet {
  readonly 'zh-Hans': PrintLabels;
  readonly 'mn-Mong': PrintLabels;
}

export interface LabelProblem {
  /** Which locale file: print.json, or domain.json for the shared vocabulary labels. */
  readonly file: 'print' | 'domain';
  readonly path: string;
  readonly problem: 'missing' | 'notText';
}

function section(
  json: Record<string, unknown>,
  name: string,
  keys: readonly string[],
  problems: LabelProblem[],
  file: LabelProblem['file'] = 'print',
): Record<string, string> {
  const value = json[name];
  const out: Record<string, string> = {};
  if (!isRecord(value)) {
    problems.push({ file, path: name, problem: 'missing' });
    return out;
  }
  for (const key of keys) {
    const text = value[key];
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push({
        file,
        path: `${name}.${key}`,
        problem: text === undefined ? 'missing' : 'notText',
      });
    } else {
      out[key] = text;
    }
  }
  return out;
}

/**
 * Checks a parsed print.json and domain.json of one language; every label must be present and
 * non-empty.
 */
export function parsePrintLabels(
  json: unknown,
  domainJson: unknown,
): Result<PrintLabels, readonly LabelProblem[]> {
  const problems: LabelProblem[] = [];
  if (!isRecord(json)) return err([{ file: 'print', path: '', problem: 'missing' }]);
  if (!isRecord(domainJson)) return err([{ file: 'domain', path: '', problem: 'missing' }]);
  const receipt = section(json, 'receipt', RECEIPT_KEYS, problems);
  const service = section(json, 'service', SERVICE_KINDS, problems);
  const form = section(json, 'form', FORM_KEYS, problems);
  const identitySource = section(
    domainJson,
    'identitySource',
    IDENTITY_SOURCES,
    problems,
    'domain',
  );
  const sex = section(domainJson, 'sex', SEXES, problems, 'domain');
  const caseCategory = section(domainJson, 'caseCategory', CASE_CATEGORIES, problems, 'domain');
  const nation = section(domainJson, 'nation', Object.keys(NATIONS), problems, 'domain');
  const hardship = section(json, 'hardship', HARDSHIP_BASES, problems);
  const date = section(json, 'date', ['pattern'], problems);
  const letter = section(json, 'letter', LETTER_KEYS, problems);
  const refusalReason = section(domainJson, 'refusalReason', REFUSAL_REASONS, problems, 'domain');
  const missingMaterial = section(
    domainJson,
    'missingMaterial',
    MISSING_MATERIALS,
    problems,
    'domain',
  );
  const steps: Record<string, string[]> = {};
  const rawSteps = json['steps'];
  for (const kind of SERVICE_KINDS) {
    const list = isRecord(rawSteps) ? rawSteps[kind] : undefined;
    if (!Array.isArray(list) || list.length === 0) {
      problems.push({ file: 'print', path: `steps.${kind}`, problem: 'missing' });
    } else if (!list.every((s): s is string => typeof s === 'string' && s.trim() !== '')) {
      problems.push({ file: 'print', path: `steps.${kind}`, problem: 'notText' });
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
    letter: letter as PrintLabels['letter'],
    refusalReason: refusalReason as PrintLabels['refusalReason'],
    missingMaterial: missingMaterial as PrintLabels['missingMaterial'],
    nation,
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
