/**
 * The committed content pack (assets/content) must be exactly what its sources build to, must
 * pass every pack rule, and the rules must catch the mistakes they exist for.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_CATEGORIES,
  type Content,
  type DirectoryEntry,
  isMongolianScript,
} from '../domain/index';
import { buildContentPack } from './build-pack';
import { checkContentPack, describePackProblem, type PackProblem } from './check-pack';
import { CONTENT_FILE, DIRECTORY_FILE, MANIFEST_FILE, sha256Hex } from './manifest';
import { renderContentPack, type RenderedPack } from './node/pack-files';
import { DEFAULT_PACK_DIR, readContentSources } from './node/read-sources';
import type { ContentSources } from './source-schema';

let sources: ContentSources;
let rendered: RenderedPack;
let committed: Record<string, string>;

beforeAll(async () => {
  const read = await readContentSources(DEFAULT_PACK_DIR);
  if (!read.ok) throw new Error(JSON.stringify(read.error, null, 2));
  sources = read.value;
  rendered = await renderContentPack(sources, DEFAULT_PACK_DIR);
  committed = {};
  for (const file of [CONTENT_FILE, DIRECTORY_FILE, MANIFEST_FILE]) {
    committed[file] = await readFile(path.join(DEFAULT_PACK_DIR, file), 'utf8');
  }
}, 30_000);

function clone<T>(value: T): T {
  return structuredClone(value);
}

function problemsOf(content: Content[], directory: DirectoryEntry[]): string[] {
  return checkContentPack({ content, directory }).map(describePackProblem);
}

describe('committed content pack', () => {
  it('is up to date with its sources (run `npm run content:build` if this fails)', () => {
    for (const file of [CONTENT_FILE, DIRECTORY_FILE, MANIFEST_FILE]) {
      expect(committed[file], `${file} is stale`).toBe(rendered.files[file]);
    }
  });

  it('passes every pack rule', () => {
    expect(rendered.problems.map(describePackProblem)).toEqual([]);
  });

  it('records the sha256 of each generated file in the manifest', async () => {
    const manifest = JSON.parse(committed[MANIFEST_FILE] ?? '') as {
      files: Record<string, { sha256: string; documents: number }>;
    };
    for (const file of [CONTENT_FILE, DIRECTORY_FILE]) {
      expect(manifest.files[file]?.sha256).toBe(await sha256Hex(committed[file] ?? ''));
    }
    const content = JSON.parse(committed[CONTENT_FILE] ?? '[]') as unknown[];
    expect(manifest.files[CONTENT_FILE]?.documents).toBe(content.length);
  });

  it('covers the laws the issue asks for, each article with its source', () => {
    const laws = new Set(
      rendered.pack.content.flatMap((item) => (item.law ? [item.law.lawId] : [])),
    );
    for (const lawId of [
      'legal-aid-law',
      'civil-code',
      'labour-contract-law',
      'migrant-worker-wage-regulations',
      'work-injury-insurance-regulations',
      'grassland-law',
      'rural-land-contract-law',
      'anti-domestic-violence-law',
    ]) {
      expect(laws, lawId).toContain(lawId);
    }
    const ids = new Set(rendered.pack.content.map((item) => item.id));
    // Eligibility, means-test exemption and how to apply (法律援助法 31, 42, 38/41/43).
    for (const article of [31, 41, 42, 38, 43]) {
      expect(ids).toContain(`law-legal-aid-law-${article}`);
    }
    for (const item of rendered.pack.content.filter((c) => c.kind === 'law_article')) {
      expect(item.law?.officialSource, item.id).toMatch(/flk\.npc\.gov\.cn/);
    }
  });

  it('carries the verification of each article into its document and the manifest', () => {
    const documents = new Map(rendered.pack.content.map((item) => [item.id, item]));
    for (const { source } of sources.laws) {
      for (const article of source.articles) {
        const law = documents.get(`law-${source.lawId}-${article.article}`)?.law;
        const v = article.verification;
        // The flag is true only for a text compared with a .gov.cn page; the note names it.
        expect(law?.verified, `${source.lawId} ${article.article}`).toBe(v.status !== 'unverified');
        expect(law?.verificationNote).toContain(
          v.status === 'unverified' ? 'Not checked against an official text' : v.against,
        );
      }
    }
    const manifest = rendered.manifest;
    const total = manifest.verification;
    expect(total.verified + total.differs + total.unverified).toBe(140);
    expect(total.national + total.localGovernment).toBe(total.verified + total.differs);
    for (const law of manifest.laws) {
      const counts = law.verification;
      // A law is verified only when all its articles were checked against a national source.
      expect(law.verified, law.lawId).toBe(
        counts.national === counts.verified + counts.differs + counts.unverified,
      );
    }
  });

  it('has at least 60 FAQ answers spread over the case categories, each citing articles', () => {
    const faq = rendered.pack.content.filter((item) => item.kind === 'faq');
    expect(faq.length).toBeGreaterThanOrEqual(60);
    const categories = new Set(faq.flatMap((item) => item.categories));
    for (const category of CASE_CATEGORIES) expect(categories, category).toContain(category);
    for (const item of faq) {
      expect(item.basis.length, item.id).toBeGreaterThan(0);
      expect(isMongolianScript(item.title.mn), item.id).toBe(true);
      expect(item.body.mnStatus, item.id).toBe('draft');
    }
  });

  it('references programme media without inventing files', async () => {
    const programs = rendered.pack.content.filter((item) => item.kind === 'program');
    expect(programs.length).toBeGreaterThan(0);
    for (const media of programs.flatMap((item) => item.media)) {
      if (!media.available) {
        expect(media.sha256).toBeUndefined();
        continue;
      }
      // A file said to be there is there, with the bytes and hash the pack promises.
      const bytes = await readFile(path.join(DEFAULT_PACK_DIR, '..', media.file));
      expect(bytes.length, media.file).toBe(media.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), media.file).toBe(media.sha256);
    }
  });

  it('keeps the directory sample, except the real 12348 hotline', () => {
    const directory = rendered.pack.directory;
    const real = directory.filter((entry) => !entry.sample);
    expect(real.map((entry) => [entry.kind, entry.phone])).toEqual([['hotline', '12348']]);
    expect(directory.filter((entry) => entry.kind === 'station').length).toBeGreaterThanOrEqual(5);
    expect(directory.some((entry) => entry.kind === 'lawyer')).toBe(true);
    for (const entry of directory.filter((e) => e.kind === 'lawyer' || e.kind === 'mediator')) {
      expect(entry.phone, entry.id).toBeUndefined();
    }
  });
});

describe('pack rules catch', () => {
  const faqOf = (content: Content[]) => content.find((item) => item.kind === 'faq')!;
  const articleOf = (content: Content[]) => content.find((item) => item.kind === 'law_article')!;

  it('a stale generated file', async () => {
    const changed = clone(sources);
    const group = changed.faqGroups[0]!.source;
    group.items[0]!.title.zh += '？';
    const again = await renderContentPack(changed, DEFAULT_PACK_DIR);
    expect(again.files[CONTENT_FILE]).not.toBe(committed[CONTENT_FILE]);
    expect(again.files[MANIFEST_FILE]).not.toBe(committed[MANIFEST_FILE]);
  });

  it('a FAQ whose basis points to a missing article', () => {
    const content = clone(rendered.pack.content);
    faqOf(content).basis = ['law-legal-aid-law-999'];
    expect(problemsOf(content, rendered.pack.directory)).toEqual([
      expect.stringContaining('basis law-legal-aid-law-999 does not exist'),
    ]);
  });

  it('a basis that is not a law article', () => {
    const content = clone(rendered.pack.content);
    const [first, second] = content.filter((item) => item.kind === 'faq');
    first!.basis = [second!.id];
    expect(problemsOf(content, rendered.pack.directory)).toEqual([
      expect.stringContaining('is not a law article'),
    ]);
  });

  it('Chinese or Cyrillic in a Mongolian slot', () => {
    const content = clone(rendered.pack.content);
    faqOf(content).title.mn = '老板不给工资';
    articleOf(content).summary.mn = 'Цалин';
    const problems = problemsOf(content, rendered.pack.directory);
    expect(problems).toHaveLength(2);
    expect(problems.every((problem) => problem.endsWith('mnNotMongolian'))).toBe(true);
  });

  it('a law article without its source, or with an empty verification note', () => {
    const content = clone(rendered.pack.content);
    const [a, b] = content.filter((item) => item.kind === 'law_article');
    delete a!.law;
    b!.law!.verificationNote = ' ';
    expect(problemsOf(content, rendered.pack.directory)).toEqual([
      expect.stringContaining('law article without its source'),
      expect.stringContaining('say what the text was compared with'),
    ]);
  });

  it('half-width punctuation in a statute text', () => {
    const content = clone(rendered.pack.content);
    articleOf(content).body.zh = '用人单位有下列情形之一的，劳动者可以解除劳动合同:';
    expect(problemsOf(content, rendered.pack.directory)).toEqual([
      expect.stringContaining('half-width punctuation in a statute text'),
    ]);
  });

  it('a document that fails its schema', () => {
    const content = clone(rendered.pack.content);
    (faqOf(content) as { kind: string }).kind = 'blog';
    const problems: PackProblem[] = checkContentPack({
      content,
      directory: rendered.pack.directory,
    });
    expect(problems.some((problem) => problem.message.includes('must be one of'))).toBe(true);
  });

  it('a made-up person with a phone number, or a directory entry not marked sample', () => {
    const directory = clone(rendered.pack.directory);
    const lawyer = directory.find((entry) => entry.kind === 'lawyer')!;
    lawyer.phone = '13800000000';
    directory.find((entry) => entry.kind === 'station')!.sample = false;
    const problems = problemsOf(rendered.pack.content, directory);
    expect(problems).toContainEqual(expect.stringContaining('must not carry a phone number'));
    expect(problems).toContainEqual(expect.stringContaining('only the real 12348 hotline'));
  });

  it('a region outside Inner Mongolia', () => {
    const directory = clone(rendered.pack.directory);
    directory.find((entry) => entry.kind === 'station')!.regionCode = '110101';
    expect(problemsOf(rendered.pack.content, directory)).toEqual([
      expect.stringContaining('regionCode outside Inner Mongolia'),
    ]);
  });

  it('builds the same documents from the same sources', () => {
    expect(buildContentPack(sources)).toEqual(rendered.pack);
  });
});
