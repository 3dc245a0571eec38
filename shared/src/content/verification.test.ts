import { describe, expect, it } from 'vitest';
import { parseSource, type ArticleVerification, type LawSource } from './source-schema';
import {
  articleVerificationNote,
  isNationalHost,
  lawVerificationProblems,
  verificationCounts,
} from './verification';

const checkedOn = '2026-11-23';
const method = 'text compared after punctuation-width normalisation with a stored copy';
const national: ArticleVerification = {
  status: 'verified',
  against: 'https://flk.npc.gov.cn/detail2.html?abc',
  sourceKind: 'national',
  checkedOn,
  method,
};
const localPage = 'https://sf.sz.gov.cn/hdjl/post_1.html';
const local: ArticleVerification = {
  status: 'verified',
  against: localPage,
  sourceKind: 'local-government',
  checkedOn,
  method,
};
const unverified: ArticleVerification = { status: 'unverified', checkedOn, note: 'not found.' };

function lawWith(verifications: ArticleVerification[], verified = false): LawSource {
  const text = { zh: '条', mn: '' };
  return {
    lawId: 'test-law',
    name: text,
    shortName: text,
    version: 'v',
    effectiveDate: '2022-01-01',
    officialSource: 'flk.npc.gov.cn',
    copiedFrom: { repository: 'LawRefBook/Laws', path: 'x.md', commit: 'a'.repeat(40) },
    verified,
    ...(verified ? { verifiedNote: 'all articles compared' } : {}),
    articles: verifications.map((verification, index) => ({
      article: index + 1,
      topic: text,
      summary: text,
      categories: [],
      tags: [],
      text: '本法所称法律援助。',
      verification,
    })),
  };
}

describe('article verification', () => {
  it('knows the national publishers from local government pages', () => {
    for (const host of ['flk.npc.gov.cn', 'www.npc.gov.cn', 'www.gov.cn', 'www.moj.gov.cn']) {
      expect(isNationalHost(host), host).toBe(true);
    }
    for (const host of ['sf.sz.gov.cn', 'shanzhou.gov.cn', 'zwfw.gov.cn', 'npc.gov.cn.example']) {
      expect(isNationalHost(host), host).toBe(false);
    }
  });

  it('accepts only .gov.cn pages as the official text an article was compared with', () => {
    const law = lawWith([{ ...local, against: 'https://www.faxin.cn/lib/zyfl.aspx' }]);
    const parsed = parseSource('law', 'test.json', law);
    expect(parsed.ok).toBe(false);
  });

  it('requires the difference when the copy differed, and the reason when unverified', () => {
    const differs = { ...national, status: 'differs' } as unknown as ArticleVerification;
    expect(parseSource('law', 't.json', lawWith([differs])).ok).toBe(false);
    const noReason = { status: 'unverified', checkedOn } as unknown as ArticleVerification;
    expect(parseSource('law', 't.json', lawWith([noReason])).ok).toBe(false);
    expect(parseSource('law', 't.json', lawWith([national, local, unverified])).ok).toBe(true);
  });

  it('flags a source kind that does not match the page host', () => {
    const law = lawWith([{ ...local, sourceKind: 'national' }]);
    expect(lawVerificationProblems(law)).toEqual([
      {
        path: '/articles/0/verification/sourceKind',
        message: 'article 1: sf.sz.gov.cn is a local-government source',
      },
    ]);
  });

  it('keeps the law-level flag for laws checked article by article against national sources', () => {
    expect(lawVerificationProblems(lawWith([national, local], true))).toEqual([
      expect.objectContaining({ path: '/verified' }),
    ]);
    expect(lawVerificationProblems(lawWith([national, national], false))).toEqual([
      expect.objectContaining({ path: '/verified', message: expect.stringContaining('set') }),
    ]);
    expect(lawVerificationProblems(lawWith([national, national], true))).toEqual([]);
    expect(lawVerificationProblems(lawWith([national, unverified]))).toEqual([]);
  });

  it('counts articles by status and by kind of source', () => {
    expect(verificationCounts(lawWith([national, local, local, unverified]))).toEqual({
      verified: 3,
      differs: 0,
      unverified: 1,
      national: 1,
      localGovernment: 2,
    });
  });

  it('writes a note naming the page, or why there is none and where the text came from', () => {
    const law = lawWith([local, unverified]);
    const [checked, open] = law.articles;
    expect(articleVerificationNote(law, checked!)).toBe(
      `Compared ${checkedOn} with ${localPage} (local government reproduction): ${method}.`,
    );
    expect(articleVerificationNote(law, open!)).toBe(
      `Not checked against an official text (${checkedOn}): not found. ` +
        'Copied from LawRefBook/Laws x.md@aaaaaaaaaaaa, a copy of 国家法律法规数据库.',
    );
    const differs: ArticleVerification = { ...national, status: 'differs', difference: '之 → 的' };
    expect(articleVerificationNote(lawWith([differs]), lawWith([differs]).articles[0]!)).toContain(
      'The copy differed: 之 → 的',
    );
  });
});
