/**
 * Turns the authoring sources into the documents the sync server seeds into its `content` and
 * `directory` collections. Pure and deterministic: the same sources always give the same
 * documents in the same order, so the committed output can be checked for staleness.
 */
import type {
  CaseCategory,
  Content,
  DirectoryEntry,
  LocalizedText,
  ReviewStatus,
} from '../domain/index';
import { asStationId } from '../domain/ids';
import { chineseArticleLabel, mongolianArticleLabel } from './article-numbers';
import { articleVerificationNote, isChecked } from './verification';
import type {
  ContentSources,
  DirectoryEntrySource,
  FaqGroupSource,
  LawArticleSource,
  LawSource,
  ProgramsSource,
  SourceText,
} from './source-schema';

export interface BuiltPack {
  readonly content: Content[];
  readonly directory: DirectoryEntry[];
}

/** Law article documents are keyed `law-<lawId>-<article>`; FAQ `basis` lists refer to them. */
export function lawArticleId(lawId: string, article: number): string {
  return `law-${lawId}-${article}`;
}

function localized(text: SourceText, fallbackStatus: ReviewStatus): LocalizedText {
  const mn = text.mn.trim();
  return {
    zh: text.zh,
    mn,
    mnStatus: mn === '' ? 'missing' : (text.mnStatus ?? fallbackStatus),
  };
}

function lawArticleDocument(
  law: LawSource,
  article: LawArticleSource,
  order: number,
  publishedAt: string,
): Content {
  const status = law.mnStatus ?? 'draft';
  const topic = localized(article.topic, status);
  const shortName = localized(law.shortName, status);
  const articleLabel = chineseArticleLabel(article.article);
  return {
    id: lawArticleId(law.lawId, article.article),
    schemaVersion: 0,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    kind: 'law_article',
    // National laws apply everywhere.
    regionCode: '',
    audiences: ['kiosk', 'tv'],
    title: {
      zh: `《${shortName.zh}》${articleLabel}：${topic.zh}`,
      mn:
        topic.mn === '' || shortName.mn === ''
          ? ''
          : `${shortName.mn} ${mongolianArticleLabel(article.article)}᠄ ${topic.mn}`,
      mnStatus: topic.mn === '' || shortName.mn === '' ? 'missing' : topic.mnStatus,
    },
    summary: localized(article.summary, status),
    // The statute itself: there is no official Mongolian text to quote, so Mongolian readers
    // get the Chinese text (with the Mongolian summary above it) rather than our own rendering.
    body: { zh: article.text, mn: '', mnStatus: 'missing' },
    categories: [...article.categories] as CaseCategory[],
    tags: uniqueTags([...article.tags, articleLabel, shortName.zh]),
    law: {
      lawId: law.lawId,
      lawName: localized(law.name, status),
      article: article.article,
      ...(article.paragraph === undefined ? {} : { paragraph: article.paragraph }),
      officialSource: law.officialSource,
      effectiveDate: law.effectiveDate,
      // Per article: checked against an official (.gov.cn) page, national or local.
      verified: isChecked(article.verification),
      verificationNote: articleVerificationNote(law, article),
    },
    basis: [],
    media: [],
    order,
    contentRevision: 1,
    publishedAt,
    withdrawn: false,
    sample: false,
  };
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))].slice(0, 30);
}

function faqDocuments(
  group: FaqGroupSource,
  groupIndex: number,
  regionCode: string,
  publishedAt: string,
): Content[] {
  return group.items.map((item, index) => ({
    id: item.id,
    schemaVersion: 0,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    kind: 'faq',
    regionCode: item.regionCode ?? regionCode,
    audiences: ['kiosk', 'tv'],
    title: localized(item.title, group.mnStatus),
    summary: localized(item.summary, group.mnStatus),
    body: localized(item.body, group.mnStatus),
    categories: [...new Set([group.category, ...(item.categories ?? [])])] as CaseCategory[],
    tags: uniqueTags(item.tags),
    basis: [...item.basis],
    media: [],
    order: (groupIndex + 1) * 1000 + index,
    contentRevision: 1,
    publishedAt,
    withdrawn: false,
    sample: item.illustrative ?? false,
  }));
}

function programDocuments(
  programs: ProgramsSource,
  regionCode: string,
  publishedAt: string,
): Content[] {
  return programs.items.map((item, index) => ({
    id: item.id,
    schemaVersion: 0,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    kind: 'program',
    regionCode,
    audiences: ['kiosk', 'tv'],
    title: localized(item.title, programs.mnStatus),
    summary: localized(item.summary, programs.mnStatus),
    body: localized(item.body, programs.mnStatus),
    categories: [...item.categories] as CaseCategory[],
    tags: uniqueTags(item.tags),
    basis: [...item.basis],
    media: item.media.map((media) => ({ ...media })),
    order: index,
    contentRevision: 1,
    publishedAt,
    withdrawn: false,
    sample: item.illustrative ?? false,
  }));
}

/** Stations, centres and notaries show the pack's default hours unless they have their own. */
const HAS_OPENING_HOURS = new Set(['station', 'center', 'notary']);

function directoryDocument(
  entry: DirectoryEntrySource,
  order: number,
  defaults: { readonly hours: SourceText; readonly status: ReviewStatus; readonly at: string },
): DirectoryEntry {
  const hours = entry.openingHours ?? (HAS_OPENING_HOURS.has(entry.kind) ? defaults.hours : null);
  return {
    id: entry.id,
    schemaVersion: 0,
    createdAt: defaults.at,
    updatedAt: defaults.at,
    kind: entry.kind,
    name: localized(entry.name, defaults.status),
    regionCode: entry.regionCode,
    // The source schema checked the id's form.
    ...(entry.stationId === undefined ? {} : { stationId: asStationId(entry.stationId) }),
    ...(entry.address === undefined ? {} : { address: localized(entry.address, defaults.status) }),
    ...(entry.phone === undefined ? {} : { phone: entry.phone }),
    ...(hours === null ? {} : { openingHours: localized(hours, defaults.status) }),
    languages: [...entry.languages],
    specialties: [...entry.specialties] as CaseCategory[],
    videoConsultation: entry.videoConsultation,
    ...(entry.schedule === undefined ? {} : { schedule: structuredClone(entry.schedule) }),
    order,
    withdrawn: false,
    sample: entry.sample,
  };
}

export function buildContentPack(sources: ContentSources): BuiltPack {
  const { publishedAt, faqRegionCode } = sources.settings;
  const content: Content[] = [];
  // Laws in file-name order; articles in article order. Order numbers leave room per law.
  const laws = [...sources.laws].sort((a, b) => a.file.localeCompare(b.file));
  laws.forEach(({ source }, lawIndex) => {
    const articles = [...source.articles].sort((a, b) => a.article - b.article);
    for (const article of articles) {
      content.push(
        lawArticleDocument(source, article, (lawIndex + 1) * 10_000 + article.article, publishedAt),
      );
    }
  });
  const groups = [...sources.faqGroups].sort((a, b) => a.file.localeCompare(b.file));
  groups.forEach(({ source }, index) => {
    content.push(...faqDocuments(source, index, faqRegionCode, publishedAt));
  });
  content.push(...programDocuments(sources.programs, faqRegionCode, publishedAt));

  const defaults = {
    hours: sources.directory.hoursWeekday,
    status: sources.directory.mnStatus,
    at: publishedAt,
  };
  const directory = sources.directory.entries.map((entry, index) =>
    directoryDocument(entry, index, defaults),
  );
  return { content, directory };
}
