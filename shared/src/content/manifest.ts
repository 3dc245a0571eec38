/**
 * assets/content/manifest.json: what a pack contains, where its legal texts come from and how
 * far they are verified and translated, plus the sha256 of each generated file so a device or
 * the server can tell a damaged or mismatched pack before seeding it.
 */
import type { Content, DirectoryEntry, LocalizedText, ReviewStatus } from '../domain/index';
import type { BuiltPack } from './build-pack';
import type { ContentSources } from './source-schema';
import { verificationCounts, type VerificationCounts } from './verification';

export const CONTENT_FILE = 'content.json';
export const DIRECTORY_FILE = 'directory.json';
export const MANIFEST_FILE = 'manifest.json';

export interface PackFileInfo {
  readonly sha256: string;
  readonly bytes: number;
  readonly documents: number;
}

export interface ContentPackManifest {
  readonly packVersion: string;
  readonly publishedAt: string;
  readonly generatedBy: string;
  readonly files: { readonly [file: string]: PackFileInfo };
  readonly counts: {
    readonly content: Readonly<Record<string, number>>;
    readonly faqByCategory: Readonly<Record<string, number>>;
    readonly directory: Readonly<Record<string, number>>;
  };
  readonly laws: readonly {
    readonly lawId: string;
    readonly name: string;
    readonly version: string;
    readonly effectiveDate: string;
    readonly officialSource: string;
    readonly copiedFrom: string;
    /** True only when every article is verified against a national publication. */
    readonly verified: boolean;
    readonly articles: string;
    /** Articles by verification status, and which kind of page the checked ones rest on. */
    readonly verification: VerificationCounts;
    /** Articles not verified, so a reviewer knows where to start. */
    readonly unverifiedArticles: string;
  }[];
  /** The same counts summed over all laws. */
  readonly verification: VerificationCounts;
  /** Review status of every Mongolian text in the pack (title, summary, body, names…). */
  readonly mongolian: Readonly<Record<ReviewStatus, number>>;
  readonly review: readonly string[];
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function fileInfo(text: string, documents: number): Promise<PackFileInfo> {
  return {
    sha256: await sha256Hex(text),
    bytes: new TextEncoder().encode(text).byteLength,
    documents,
  };
}

function articleList(articles: readonly { readonly article: number }[]): string {
  return articles
    .map((article) => article.article)
    .sort((a, b) => a - b)
    .join(', ');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

function mongolianStatus(pack: BuiltPack): Record<ReviewStatus, number> {
  const counts: Record<ReviewStatus, number> = { missing: 0, draft: 0, reviewed: 0 };
  const add = (text: LocalizedText | undefined) => {
    if (text) counts[text.mnStatus] += 1;
  };
  pack.content.forEach((item: Content) => {
    add(item.title);
    add(item.summary);
    add(item.body);
  });
  pack.directory.forEach((entry: DirectoryEntry) => {
    add(entry.name);
    add(entry.address);
    add(entry.openingHours);
  });
  return counts;
}

export async function buildManifest(
  sources: ContentSources,
  pack: BuiltPack,
  files: { readonly content: string; readonly directory: string },
): Promise<ContentPackManifest> {
  const laws = [...sources.laws]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map(({ source }) => ({
      lawId: source.lawId,
      name: source.name.zh,
      version: source.version,
      effectiveDate: source.effectiveDate,
      officialSource: source.officialSource,
      copiedFrom: `${source.copiedFrom.repository} ${source.copiedFrom.path}@${source.copiedFrom.commit}`,
      verified: source.verified,
      articles: articleList(source.articles),
      verification: verificationCounts(source),
      unverifiedArticles: articleList(
        source.articles.filter((article) => article.verification.status === 'unverified'),
      ),
    }));
  const total = { verified: 0, differs: 0, unverified: 0, national: 0, localGovernment: 0 };
  for (const law of laws) {
    for (const key of Object.keys(total) as (keyof VerificationCounts)[]) {
      total[key] += law.verification[key];
    }
  }
  return {
    packVersion: sources.settings.packVersion,
    publishedAt: sources.settings.publishedAt,
    generatedBy: 'npm run content:build (shared/src/content) from assets/content/sources',
    files: {
      [CONTENT_FILE]: await fileInfo(files.content, pack.content.length),
      [DIRECTORY_FILE]: await fileInfo(files.directory, pack.directory.length),
    },
    counts: {
      content: countBy(pack.content, (item) => item.kind),
      faqByCategory: countBy(
        pack.content.filter((item) => item.kind === 'faq'),
        (item) => item.categories[0] ?? 'other',
      ),
      directory: countBy(pack.directory, (entry) => entry.kind),
    },
    laws,
    verification: total,
    mongolian: mongolianStatus(pack),
    review: [
      'Law article texts were copied from a public copy of the national database. Each article records its own check: verified or differs (compared with a .gov.cn page, national or local government; see verification counts) or unverified (no such page found). A law is verified only when every article was checked against a national source; unverified articles still need comparing with flk.npc.gov.cn.',
      'FAQ answers and programme outlines were written by the project team from the cited articles; a lawyer of the center must review them before publication.',
      'All Mongolian texts are drafts (mnStatus draft) awaiting a native-speaker reviewer; statute bodies have no Mongolian text (mnStatus missing) because no official translation was available.',
      'The directory is sample data (sample: true) except the real 12348 hotline.',
    ],
  };
}
