/**
 * Schemas of the content pack's authoring sources (assets/content/sources): one file per law,
 * one per FAQ group, one for programmes, one for the sample directory and the pack settings.
 * People edit these files; the build turns them into replicated `content` and `directory`
 * documents. Parsing returns a Result so the build can report every bad file at once.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import type { FromSchema } from 'json-schema-to-ts';
import {
  CASE_CATEGORIES,
  DIRECTORY_KINDS,
  LANGUAGES,
  REVIEW_STATUSES,
  dateField,
  err,
  idField,
  mediaRefSchema,
  ok,
  compileSchemaRaw,
  phoneField,
  regionCodeField,
  slugField,
  stationScheduleSchema,
  timestampField,
  type Result,
} from '../domain/index';

/** Bilingual text as authors write it; the review status comes from the file or the item. */
const sourceTextSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zh: { type: 'string', minLength: 1, maxLength: 20000 },
    mn: { type: 'string', maxLength: 30000 },
    mnStatus: { type: 'string', enum: REVIEW_STATUSES },
  },
  required: ['zh', 'mn'],
} as const;

const categoriesSchema = {
  type: 'array',
  uniqueItems: true,
  items: { type: 'string', enum: CASE_CATEGORIES },
} as const;

const tagsSchema = {
  type: 'array',
  maxItems: 28,
  items: { type: 'string', minLength: 1, maxLength: 40 },
} as const;

/** How far one article's text was checked against an official publication. */
export const ARTICLE_VERIFICATION_STATUSES = ['verified', 'differs', 'unverified'] as const;
/** National: npc.gov.cn, flk.npc.gov.cn, www.gov.cn, moj.gov.cn. Local: a provincial, city or
 * county government page reproducing the text (still a .gov.cn host, but not the publisher). */
export const OFFICIAL_SOURCE_KINDS = ['national', 'local-government'] as const;
export const NATIONAL_SOURCE_HOSTS = ['npc.gov.cn', 'flk.npc.gov.cn', 'www.gov.cn', 'moj.gov.cn'];

/** Only a government page counts as an official text; third-party copies never do. */
const govPageField = {
  type: 'string',
  maxLength: 300,
  pattern: '^https?://([a-z0-9-]+\\.)*gov\\.cn(:[0-9]+)?(/|$)',
} as const;
const shortNote = { type: 'string', minLength: 1, maxLength: 300 } as const;

/** What a comparison with an official page records, whether or not the wording matched. */
const comparedProperties = {
  against: govPageField,
  sourceKind: { type: 'string', enum: OFFICIAL_SOURCE_KINDS },
  checkedOn: dateField,
  method: shortNote,
  note: shortNote,
  /** What we changed in the copied text without a wording difference (punctuation width). */
  textChanges: shortNote,
} as const;

/**
 * One article's check. `verified`: the copy matched the official page; `differs`: it did not
 * in wording, and `text` now follows the official page (`difference` says what changed);
 * `unverified`: no official page with the article was found (`note` says why).
 */
const articleVerificationSchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      properties: { status: { const: 'verified' }, ...comparedProperties },
      required: ['status', 'against', 'sourceKind', 'checkedOn', 'method'],
    },
    {
      type: 'object',
      additionalProperties: false,
      properties: { status: { const: 'differs' }, ...comparedProperties, difference: shortNote },
      required: ['status', 'against', 'sourceKind', 'checkedOn', 'method', 'difference'],
    },
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        status: { const: 'unverified' },
        checkedOn: dateField,
        /** Why not: what was searched and what was (not) found. */
        note: shortNote,
        textChanges: shortNote,
      },
      required: ['status', 'checkedOn', 'note'],
    },
  ],
} as const;

export const lawSourceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lawId: slugField,
    name: sourceTextSchema,
    shortName: sourceTextSchema,
    /** The version in force, as the official publication states it. */
    version: { type: 'string', minLength: 1, maxLength: 300 },
    effectiveDate: dateField,
    officialSource: { type: 'string', minLength: 1, maxLength: 500 },
    /** The copy the article texts were taken from, for anyone re-checking them. */
    copiedFrom: {
      type: 'object',
      additionalProperties: false,
      properties: {
        repository: { type: 'string', minLength: 3, maxLength: 100 },
        path: { type: 'string', minLength: 1, maxLength: 300 },
        commit: { type: 'string', pattern: '^[0-9a-f]{40}$' },
      },
      required: ['repository', 'path', 'commit'],
    },
    /**
     * True only when every article is `verified` or `differs` against a national source
     * (npc.gov.cn, www.gov.cn…); per-article detail is in each article's `verification`.
     */
    verified: { type: 'boolean' },
    /** Required when verified: who compared what, and when. */
    verifiedNote: { type: 'string', minLength: 1, maxLength: 400 },
    mnStatus: { type: 'string', enum: REVIEW_STATUSES },
    articles: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          article: { type: 'integer', minimum: 1, maximum: 2000 },
          paragraph: { type: 'integer', minimum: 1, maximum: 50 },
          topic: sourceTextSchema,
          summary: sourceTextSchema,
          categories: categoriesSchema,
          tags: tagsSchema,
          /** The article's Chinese text exactly as published, paragraphs separated by \n. */
          text: { type: 'string', minLength: 1, maxLength: 20000 },
          verification: articleVerificationSchema,
        },
        required: ['article', 'topic', 'summary', 'categories', 'tags', 'text', 'verification'],
      },
    },
  },
  required: [
    'lawId',
    'name',
    'shortName',
    'version',
    'effectiveDate',
    'officialSource',
    'copiedFrom',
    'verified',
    'articles',
  ],
} as const;

export const faqGroupSourceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    category: { type: 'string', enum: CASE_CATEGORIES },
    mnStatus: { type: 'string', enum: REVIEW_STATUSES },
    items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: { ...idField, pattern: '^faq-[a-z0-9-]+$' },
          title: sourceTextSchema,
          summary: sourceTextSchema,
          body: sourceTextSchema,
          /** Further categories beyond the group's own. */
          categories: categoriesSchema,
          tags: tagsSchema,
          basis: { type: 'array', minItems: 1, maxItems: 30, items: idField },
          /** Set when the item is an illustration rather than guidance (becomes `sample: true`). */
          illustrative: { type: 'boolean' },
          regionCode: regionCodeField,
        },
        required: ['id', 'title', 'summary', 'body', 'tags', 'basis'],
      },
    },
  },
  required: ['category', 'mnStatus', 'items'],
} as const;

export const programsSourceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mnStatus: { type: 'string', enum: REVIEW_STATUSES },
    note: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: { ...idField, pattern: '^program-[a-z0-9-]+$' },
          title: sourceTextSchema,
          summary: sourceTextSchema,
          body: sourceTextSchema,
          categories: categoriesSchema,
          tags: tagsSchema,
          basis: { type: 'array', maxItems: 30, items: idField },
          media: { type: 'array', minItems: 1, maxItems: 10, items: mediaRefSchema },
          illustrative: { type: 'boolean' },
        },
        required: ['id', 'title', 'summary', 'body', 'categories', 'tags', 'basis', 'media'],
      },
    },
  },
  required: ['mnStatus', 'items'],
} as const;

export const directorySourceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mnStatus: { type: 'string', enum: REVIEW_STATUSES },
    note: { type: 'string' },
    /** Default opening hours of stations, centres and notaries. */
    hoursWeekday: sourceTextSchema,
    entries: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: idField,
          kind: { type: 'string', enum: DIRECTORY_KINDS },
          sample: { type: 'boolean' },
          regionCode: regionCodeField,
          stationId: slugField,
          name: sourceTextSchema,
          address: sourceTextSchema,
          openingHours: sourceTextSchema,
          phone: phoneField,
          languages: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { type: 'string', enum: LANGUAGES },
          },
          specialties: categoriesSchema,
          videoConsultation: { type: 'boolean' },
          schedule: stationScheduleSchema,
        },
        required: [
          'id',
          'kind',
          'sample',
          'regionCode',
          'name',
          'languages',
          'specialties',
          'videoConsultation',
        ],
      },
    },
  },
  required: ['mnStatus', 'hoursWeekday', 'entries'],
} as const;

export const packSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    packVersion: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    /** Used as createdAt/updatedAt/publishedAt of every document, so builds are reproducible. */
    publishedAt: timestampField,
    /** Region scope of FAQ and programmes written for Inner Mongolia. */
    faqRegionCode: regionCodeField,
  },
  required: ['packVersion', 'publishedAt', 'faqRegionCode'],
} as const;

export type SourceText = FromSchema<typeof sourceTextSchema>;
export type LawSource = FromSchema<typeof lawSourceSchema>;
export type LawArticleSource = LawSource['articles'][number];
export type ArticleVerification = LawArticleSource['verification'];
export type ArticleVerificationStatus = (typeof ARTICLE_VERIFICATION_STATUSES)[number];
export type OfficialSourceKind = (typeof OFFICIAL_SOURCE_KINDS)[number];
export type FaqGroupSource = FromSchema<typeof faqGroupSourceSchema>;
export type FaqItemSource = FaqGroupSource['items'][number];
export type ProgramsSource = FromSchema<typeof programsSourceSchema>;
export type DirectorySource = FromSchema<typeof directorySourceSchema>;
export type DirectoryEntrySource = DirectorySource['entries'][number];
export type PackSettings = FromSchema<typeof packSettingsSchema>;

/** Every source of one pack, as read from disk (or from the console in the future). */
export interface ContentSources {
  readonly settings: PackSettings;
  /** Keyed by file name so problems can point at the file. */
  readonly laws: readonly { readonly file: string; readonly source: LawSource }[];
  readonly faqGroups: readonly { readonly file: string; readonly source: FaqGroupSource }[];
  readonly programs: ProgramsSource;
  readonly directory: DirectorySource;
}

export type SourceKind = 'law' | 'faq' | 'programs' | 'directory' | 'settings';

export interface SourceProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

const SCHEMAS = {
  law: lawSourceSchema,
  faq: faqGroupSourceSchema,
  programs: programsSourceSchema,
  directory: directorySourceSchema,
  settings: packSettingsSchema,
} as const;

interface SourceTypes {
  law: LawSource;
  faq: FaqGroupSource;
  programs: ProgramsSource;
  directory: DirectorySource;
  settings: PackSettings;
}

const validators = new Map<SourceKind, ReturnType<typeof compileSchemaRaw>>();

function validatorFor(kind: SourceKind) {
  let validate = validators.get(kind);
  if (!validate) validators.set(kind, (validate = compileSchemaRaw(SCHEMAS[kind])));
  return validate;
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown property "${String(error.params['additionalProperty'])}"`;
  }
  if (error.keyword === 'required') {
    return `missing "${String(error.params['missingProperty'])}"`;
  }
  return error.message ?? error.keyword;
}

/** Checks one parsed source file against its schema. */
export function parseSource<K extends SourceKind>(
  kind: K,
  file: string,
  value: unknown,
): Result<SourceTypes[K], SourceProblem[]> {
  const checked = validatorFor(kind)(value);
  if (checked.ok) return ok(value as SourceTypes[K]);
  return err(
    checked.error.map((error) => ({
      file,
      path: error.instancePath || '/',
      message: describe(error),
    })),
  );
}
