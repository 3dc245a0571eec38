import type { FromSchema } from 'json-schema-to-ts';
import { CASE_CATEGORIES, CONTENT_KINDS, DEVICE_KINDS, LANGUAGES } from '../vocabulary';
import {
  baseProperties,
  dateField,
  idField,
  localizedTextSchema,
  regionCodeField,
  sha256Field,
  slugField,
  timestampField,
} from './common';

/** Where a law article comes from, and whether its text was checked against the official text. */
export const lawSourceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** Stable id of the law, e.g. 'legal-aid-law'. */
    lawId: slugField,
    lawName: localizedTextSchema,
    /** Article number as an integer (42 for 第四十二条). */
    article: { type: 'integer', minimum: 1, maximum: 2000 },
    /** Paragraph (款) when the item quotes one paragraph only. */
    paragraph: { type: 'integer', minimum: 1, maximum: 50 },
    /** Official publication, e.g. the 国家法律法规数据库 page (flk.npc.gov.cn). */
    officialSource: { type: 'string', minLength: 1, maxLength: 500 },
    effectiveDate: dateField,
    /** True only when the Chinese text was compared with the official text. */
    verified: { type: 'boolean' },
    /** What the text was compared with, and when; or why it is not verified. */
    verificationNote: { type: 'string', maxLength: 500 },
  },
  required: ['lawId', 'lawName', 'article', 'officialSource', 'verified', 'verificationNote'],
} as const;

export const mediaRefSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['audio', 'video', 'image'] },
    language: { type: 'string', enum: [...LANGUAGES, 'none'] },
    /** Path inside the content pack's media folder, or an absolute URL on the center's server. */
    file: { type: 'string', minLength: 1, maxLength: 300 },
    durationSeconds: { type: 'number', minimum: 0, maximum: 36000 },
    bytes: { type: 'integer', minimum: 0 },
    sha256: sha256Field,
    /** False when the media file is referenced but not yet produced. */
    available: { type: 'boolean' },
  },
  required: ['kind', 'language', 'file', 'available'],
} as const;

export const contentSchema = {
  title: 'content',
  description:
    'Bilingual legal content published by the center: law articles, FAQ, cases, templates, programs, notices.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: CONTENT_KINDS, maxLength: 16 },
    /** Region code prefix the item is for ('' everywhere, '15' Inner Mongolia, '1525' Xilingol…). */
    regionCode: regionCodeField,
    audiences: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: DEVICE_KINDS },
    },
    title: localizedTextSchema,
    summary: localizedTextSchema,
    body: localizedTextSchema,
    categories: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: CASE_CATEGORIES },
    },
    tags: { type: 'array', maxItems: 30, items: { type: 'string', minLength: 1, maxLength: 40 } },
    law: lawSourceSchema,
    /** Ids of the law_article items this item rests on. */
    basis: { type: 'array', maxItems: 30, items: idField },
    media: { type: 'array', maxItems: 10, items: mediaRefSchema },
    /** Display order within its kind (smaller first). */
    order: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    /** Incremented by the console on every publication. */
    contentRevision: { type: 'integer', minimum: 1 },
    publishedAt: timestampField,
    /** Withdrawn items stay (so devices learn of the withdrawal) but are not shown. */
    withdrawn: { type: 'boolean' },
    /** Illustrative material written for this project (not an official text). */
    sample: { type: 'boolean' },
  },
  required: [
    'id',
    'schemaVersion',
    'createdAt',
    'updatedAt',
    'kind',
    'regionCode',
    'audiences',
    'title',
    'summary',
    'body',
    'categories',
    'tags',
    'basis',
    'media',
    'order',
    'contentRevision',
    'publishedAt',
    'withdrawn',
    'sample',
  ],
  indexes: ['kind', 'updatedAt'],
} as const;

export type LawSource = FromSchema<typeof lawSourceSchema>;
export type MediaRef = FromSchema<typeof mediaRefSchema>;
export type Content = FromSchema<typeof contentSchema>;
