/**
 * Fill-in legal documents a resident takes to the arbitration committee or the court: the
 * 劳动人事争议仲裁申请书 and two 民事起诉状 (追索劳动报酬, 赡养费). Each field is asked in plain
 * words (both languages), checked as typed (ID numbers by their check digit, money in fen,
 * dates not in the future), and the document is written in Chinese, the language it is filed
 * in, following what the law says such a document must contain. Each template names that
 * rule; none of the rules was checked against an official text yet, so each says
 * "unverified" on screen and on paper until it is.
 *
 * The field labels are content (bilingual, Mongolian as a draft), like the law texts in the
 * content pack; the printed documents are Chinese by design.
 */
import { parseIdNumber, parsePhone, type LocalizedText } from '@pls/shared/domain';
import type { SlipSection } from '@pls/shared/print';

export type FieldKind = 'text' | 'longText' | 'phone' | 'idNumber' | 'money' | 'date';

export interface TemplateField {
  readonly name: string;
  readonly label: LocalizedText;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Filled from the ID card when one is read. */
  readonly fromCard?: 'name' | 'sex' | 'idNumber' | 'address' | 'birthDate' | 'nation';
}

export interface TemplateBasis {
  readonly law: string;
  readonly article: string;
  /** Checked against the official text (国家法律法规数据库 flk.npc.gov.cn)? */
  readonly verified: boolean;
}

export interface LegalTemplate {
  readonly id: TemplateId;
  readonly title: LocalizedText;
  readonly basis: readonly TemplateBasis[];
  /** Where a filled document is handed in. */
  readonly fileWith: LocalizedText;
  readonly fields: readonly TemplateField[];
  /** The document's body in Chinese. */
  readonly body: (values: Readonly<Record<string, string>>) => SlipSection[];
}

export const TEMPLATE_IDS = ['labour-arbitration', 'wage-lawsuit', 'support-lawsuit'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const draft = (zh: string, mn: string): LocalizedText => ({ zh, mn, mnStatus: 'draft' });

const PERSON: readonly TemplateField[] = [
  {
    name: 'name',
    label: draft('您的姓名', 'ᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ'),
    kind: 'text',
    required: true,
    fromCard: 'name',
  },
  { name: 'sex', label: draft('性别', 'ᠬᠦᠢᠰᠦ'), kind: 'text', required: false, fromCard: 'sex' },
  {
    name: 'nation',
    label: draft('民族', 'ᠦᠨᠳᠦᠰᠦᠲᠡᠨ'),
    kind: 'text',
    required: false,
    fromCard: 'nation',
  },
  {
    name: 'birthDate',
    label: draft('出生日期', 'ᠲᠥᠷᠥᠭᠰᠡᠨ ᠡᠳᠦᠷ'),
    kind: 'date',
    required: false,
    fromCard: 'birthDate',
  },
  {
    name: 'idNumber',
    label: draft('身份证号', 'ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ'),
    kind: 'idNumber',
    required: true,
    fromCard: 'idNumber',
  },
  {
    name: 'address',
    label: draft('住址', 'ᠰᠠᠭᠤᠭ᠎ᠠ ᠭᠠᠵᠠᠷ'),
    kind: 'text',
    required: true,
    fromCard: 'address',
  },
  { name: 'phone', label: draft('联系电话', 'ᠤᠲᠠᠰᠤ'), kind: 'phone', required: true },
];

const EMPLOYER: readonly TemplateField[] = [
  {
    name: 'employer',
    label: draft('单位（老板）名称', 'ᠠᠵᠢᠯ ᠣᠯᠭᠤᠭᠴᠢ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ'),
    kind: 'text',
    required: true,
  },
  {
    name: 'employerAddress',
    label: draft('单位地址', 'ᠠᠵᠢᠯ ᠣᠯᠭᠤᠭᠴᠢ ᠶᠢᠨ ᠬᠠᠶᠢᠭ'),
    kind: 'text',
    required: false,
  },
  {
    name: 'startDate',
    label: draft('哪天开始在那里干活（如 20260301）', 'ᠬᠡᠵᠢᠶ᠎ᠡ ᠠᠵᠢᠯ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ (20260301)'),
    kind: 'date',
    required: false,
  },
  {
    name: 'owed',
    label: draft('欠您的工资（元）', 'ᠦᠯᠡᠳᠡᠭᠰᠡᠨ ᠴᠠᠯᠢᠩ (ᠶᠤᠸᠠᠨ)'),
    kind: 'money',
    required: true,
  },
  {
    name: 'facts',
    label: draft('发生了什么（事实和理由）', 'ᠶᠠᠭᠤ ᠪᠣᠯᠤᠭᠰᠠᠨ'),
    kind: 'longText',
    required: true,
  },
];

const SUPPORT: readonly TemplateField[] = [
  {
    name: 'defendant',
    label: draft('不给赡养费的子女姓名', 'ᠬᠦᠮᠦᠵᠢᠯ ᠦᠭᠬᠦ ᠦᠭᠡᠢ ᠦᠷ᠎ᠡ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ'),
    kind: 'text',
    required: true,
  },
  {
    name: 'defendantAddress',
    label: draft('子女的住址', 'ᠦᠷ᠎ᠡ ᠶᠢᠨ ᠰᠠᠭᠤᠭ᠎ᠠ ᠭᠠᠵᠠᠷ'),
    kind: 'text',
    required: false,
  },
  {
    name: 'monthly',
    label: draft('每月要求的赡养费（元）', 'ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠶᠢᠨ ᠬᠦᠮᠦᠵᠢᠯ (ᠶᠤᠸᠠᠨ)'),
    kind: 'money',
    required: true,
  },
  {
    name: 'facts',
    label: draft('发生了什么（事实和理由）', 'ᠶᠠᠭᠤ ᠪᠣᠯᠤᠭᠰᠠᠨ'),
    kind: 'longText',
    required: true,
  },
];

function personLines(v: Readonly<Record<string, string>>, role: string) {
  const details = [v['sex'], v['nation'], v['birthDate'] ? `${v['birthDate']}出生` : '']
    .filter((x) => x)
    .join('，');
  return [
    { label: role, text: [v['name'], details].filter((x) => x).join('，') },
    { label: '公民身份号码', text: v['idNumber'] ?? '' },
    { label: '住址', text: v['address'] ?? '' },
    { label: '联系电话', text: v['phone'] ?? '' },
  ];
}

function basisLine(basis: readonly TemplateBasis[]) {
  return {
    label: '格式依据',
    text: basis
      .map((b) => `《${b.law}》${b.article}${b.verified ? '' : '（未核对官方文本）'}`)
      .join('；'),
  };
}

const SIGN = (v: Readonly<Record<string, string>>, role: string) => ({
  lines: [
    { label: role, text: `${v['name'] ?? ''}（签名）` },
    { label: '日期', text: '　　年　　月　　日' },
  ],
});

const ARBITRATION_BASIS = [
  { law: '中华人民共和国劳动争议调解仲裁法', article: '第二十八条', verified: false },
];
const WAGE_BASIS = [
  { law: '中华人民共和国民事诉讼法', article: '第一百二十四条', verified: false },
  { law: '中华人民共和国劳动合同法', article: '第三十条', verified: false },
];
const SUPPORT_BASIS = [
  { law: '中华人民共和国民事诉讼法', article: '第一百二十四条', verified: false },
  { law: '中华人民共和国民法典', article: '第一千零六十七条', verified: false },
];

export const LEGAL_TEMPLATES: readonly LegalTemplate[] = [
  {
    id: 'labour-arbitration',
    title: draft('劳动人事争议仲裁申请书', 'ᠬᠥᠳᠡᠯᠮᠦᠷᠢ ᠶᠢᠨ ᠮᠠᠷᠭᠠᠭᠠᠨ ᠤ ᠠᠷᠪᠢᠲᠷ ᠤᠨ ᠬᠦᠰᠡᠯᠲᠡ'),
    basis: ARBITRATION_BASIS,
    fileWith: draft('当地劳动人事争议仲裁委员会', 'ᠲᠤᠰ ᠭᠠᠵᠠᠷ ᠤᠨ ᠬᠥᠳᠡᠯᠮᠦᠷᠢ ᠶᠢᠨ ᠠᠷᠪᠢᠲᠷ ᠤᠨ ᠵᠥᠪᠯᠡᠯ'),
    fields: [...PERSON, ...EMPLOYER],
    body: (v) => [
      { heading: '申请人', lines: personLines(v, '申请人') },
      {
        heading: '被申请人',
        lines: [
          { label: '名称', text: v['employer'] ?? '' },
          ...(v['employerAddress'] ? [{ label: '住所', text: v['employerAddress'] }] : []),
        ],
      },
      {
        heading: '仲裁请求',
        lines: [{ text: `一、裁决被申请人支付申请人拖欠的劳动报酬${v['owed'] ?? ''}元；` }],
      },
      {
        heading: '事实和理由',
        lines: [
          ...(v['startDate'] ? [{ text: `申请人自${v['startDate']}起在被申请人处工作。` }] : []),
          { text: v['facts'] ?? '' },
        ],
      },
      { lines: [{ text: '此致\n劳动人事争议仲裁委员会' }] },
      SIGN(v, '申请人'),
      { lines: [basisLine(ARBITRATION_BASIS)] },
    ],
  },
  {
    id: 'wage-lawsuit',
    title: draft('民事起诉状（追索劳动报酬）', 'ᠢᠷᠭᠡᠨ ᠦ ᠨᠡᠬᠡᠮᠵᠢᠯᠡᠯ (ᠴᠠᠯᠢᠩ ᠨᠡᠬᠡᠬᠦ)'),
    basis: WAGE_BASIS,
    fileWith: draft('被告所在地的基层人民法院', 'ᠠᠷᠠᠳ ᠤᠨ ᠱᠡᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠶᠠᠮᠤ'),
    fields: [...PERSON, ...EMPLOYER],
    body: (v) => [
      { heading: '原告', lines: personLines(v, '原告') },
      {
        heading: '被告',
        lines: [
          { label: '名称', text: v['employer'] ?? '' },
          ...(v['employerAddress'] ? [{ label: '住所', text: v['employerAddress'] }] : []),
        ],
      },
      {
        heading: '诉讼请求',
        lines: [
          { text: `一、判令被告支付原告劳动报酬${v['owed'] ?? ''}元；` },
          { text: '二、本案诉讼费用由被告承担。' },
        ],
      },
      {
        heading: '事实与理由',
        lines: [
          ...(v['startDate'] ? [{ text: `原告自${v['startDate']}起为被告提供劳动。` }] : []),
          { text: v['facts'] ?? '' },
        ],
      },
      { lines: [{ text: '此致\n人民法院' }] },
      SIGN(v, '具状人'),
      { lines: [basisLine(WAGE_BASIS)] },
    ],
  },
  {
    id: 'support-lawsuit',
    title: draft('民事起诉状（赡养费）', 'ᠢᠷᠭᠡᠨ ᠦ ᠨᠡᠬᠡᠮᠵᠢᠯᠡᠯ (ᠬᠦᠮᠦᠵᠢᠯ)'),
    basis: SUPPORT_BASIS,
    fileWith: draft('被告或原告住所地的基层人民法院', 'ᠠᠷᠠᠳ ᠤᠨ ᠱᠡᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠶᠠᠮᠤ'),
    fields: [...PERSON, ...SUPPORT],
    body: (v) => [
      { heading: '原告', lines: personLines(v, '原告') },
      {
        heading: '被告',
        lines: [
          { label: '姓名', text: v['defendant'] ?? '' },
          ...(v['defendantAddress'] ? [{ label: '住址', text: v['defendantAddress'] }] : []),
        ],
      },
      {
        heading: '诉讼请求',
        lines: [
          { text: `一、判令被告自起诉之日起每月给付原告赡养费${v['monthly'] ?? ''}元；` },
          { text: '二、本案诉讼费用由被告承担。' },
        ],
      },
      { heading: '事实与理由', lines: [{ text: v['facts'] ?? '' }] },
      { lines: [{ text: '此致\n人民法院' }] },
      SIGN(v, '具状人'),
      { lines: [basisLine(SUPPORT_BASIS)] },
    ],
  },
];

export type FieldProblem =
  'required' | 'tooLong' | 'phone' | 'idNumber' | 'money' | 'moneyTooLarge' | 'date' | 'futureDate';

const MAX_LENGTH: Readonly<Record<FieldKind, number>> = {
  text: 100,
  longText: 1000,
  phone: 20,
  idNumber: 18,
  money: 16,
  date: 10,
};

/** Money as typed (digits, at most two decimals) → fen; undefined when it is not money. */
export function parseYuan(input: string): number | undefined {
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(input.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A value as the document writes it: trimmed; a date typed as 8 digits gets its dashes. */
export function normalizeValue(field: TemplateField, raw: string): string {
  const value = raw.trim();
  if (field.kind === 'date' && /^\d{8}$/.test(value)) {
    return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`;
  }
  return value;
}

/** What is wrong with one field's value, if anything. `today` is YYYY-MM-DD (China). */
export function checkField(
  field: TemplateField,
  raw: string,
  today: string,
): FieldProblem | undefined {
  const value = normalizeValue(field, raw);
  if (value === '') return field.required ? 'required' : undefined;
  if (value.length > MAX_LENGTH[field.kind]) return 'tooLong';
  switch (field.kind) {
    case 'text':
    case 'longText':
      return undefined;
    case 'phone':
      return parsePhone(value).ok ? undefined : 'phone';
    case 'idNumber':
      return parseIdNumber(value).ok ? undefined : 'idNumber';
    case 'money': {
      const fen = parseYuan(value);
      if (fen === undefined || fen === 0) return 'money';
      return fen > 100_000_000_00 ? 'moneyTooLarge' : undefined;
    }
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
      const parsed = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
        return 'date';
      return value > today ? 'futureDate' : undefined;
    }
  }
}

export function checkTemplate(
  template: LegalTemplate,
  values: Readonly<Record<string, string>>,
  today: string,
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of template.fields) {
    const problem = checkField(field, values[field.name] ?? '', today);
    if (problem) problems[field.name] = problem;
  }
  return problems;
}

/** The document's sections with values trimmed, money written with two decimals. */
export function fillTemplate(
  template: LegalTemplate,
  values: Readonly<Record<string, string>>,
): SlipSection[] {
  const clean: Record<string, string> = {};
  for (const field of template.fields) {
    const value = normalizeValue(field, values[field.name] ?? '');
    const fen = field.kind === 'money' ? parseYuan(value) : undefined;
    clean[field.name] =
      fen === undefined ? value : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  }
  return template.body(clean);
}
