/**
 * Per-article verification of law texts: the rules that keep it honest, its counts for the
 * manifest, and the one-line note devices show. The replicated `content` schema has only
 * `law.verified` + `law.verificationNote` per document, so the detail (page, kind of source,
 * date, method, difference) is folded into the note here.
 */
import {
  NATIONAL_SOURCE_HOSTS,
  type ArticleVerification,
  type LawArticleSource,
  type LawSource,
  type OfficialSourceKind,
} from './source-schema';

export interface VerificationCounts {
  /** Matched an official page as copied (punctuation width aside). */
  readonly verified: number;
  /** Differed in wording; the text now follows the official page. */
  readonly differs: number;
  readonly unverified: number;
  /** Of verified + differs: checked against a national publication. */
  readonly national: number;
  /** Of verified + differs: checked against a local government's reproduction. */
  readonly localGovernment: number;
}

/** Checked against an official page (whether or not the copy had to be corrected). */
export function isChecked(
  verification: ArticleVerification,
): verification is Exclude<ArticleVerification, { status: 'unverified' }> {
  return verification.status !== 'unverified';
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** npc.gov.cn and its subdomains (flk., www.), www.gov.cn, moj.gov.cn (and www.moj.gov.cn). */
export function isNationalHost(host: string): boolean {
  return NATIONAL_SOURCE_HOSTS.some(
    (national) => host === national || (national !== 'www.gov.cn' && host.endsWith(`.${national}`)),
  );
}

export function verificationCounts(law: LawSource): VerificationCounts {
  const counts = { verified: 0, differs: 0, unverified: 0, national: 0, localGovernment: 0 };
  for (const { verification } of law.articles) {
    counts[verification.status] += 1;
    if (!isChecked(verification)) continue;
    if (verification.sourceKind === 'national') counts.national += 1;
    else counts.localGovernment += 1;
  }
  return counts;
}

/** The law-level flag the rules require: every article checked against a national source. */
export function lawFullyVerified(law: LawSource): boolean {
  // The host decides, not the label: a mislabelled local page never makes a law verified.
  return law.articles.every(
    ({ verification }) =>
      isChecked(verification) &&
      verification.sourceKind === 'national' &&
      isNationalHost(hostOf(verification.against)),
  );
}

export interface VerificationProblem {
  readonly path: string;
  readonly message: string;
}

/** Problems the schema alone cannot see: source kind vs host, and the law-level flag. */
export function lawVerificationProblems(law: LawSource): VerificationProblem[] {
  const problems: VerificationProblem[] = [];
  law.articles.forEach(({ article, verification }, index) => {
    if (!isChecked(verification)) return;
    const national = isNationalHost(hostOf(verification.against));
    const expected: OfficialSourceKind = national ? 'national' : 'local-government';
    if (verification.sourceKind !== expected) {
      problems.push({
        path: `/articles/${index}/verification/sourceKind`,
        message: `article ${article}: ${hostOf(verification.against)} is a ${expected} source`,
      });
    }
  });
  const fully = lawFullyVerified(law);
  if (law.verified !== fully) {
    problems.push({
      path: '/verified',
      message: fully
        ? 'every article is verified against a national source: set "verified": true'
        : 'verified may be true only when every article is verified against a national source',
    });
  }
  if (law.verified && !law.verifiedNote) {
    problems.push({ path: '/verifiedNote', message: 'a verified law needs its verifiedNote' });
  }
  return problems;
}

const KIND_LABEL: Record<OfficialSourceKind, string> = {
  national: 'national publication',
  'local-government': 'local government reproduction',
};

/** law.verificationNote of the article's document (at most 500 characters by schema). */
export function articleVerificationNote(law: LawSource, article: LawArticleSource): string {
  const v = article.verification;
  const changes = v.textChanges ? ` Changed: ${v.textChanges}` : '';
  if (!isChecked(v)) {
    const { repository, path, commit } = law.copiedFrom;
    return (
      `Not checked against an official text (${v.checkedOn}): ${v.note} ` +
      `Copied from ${repository} ${path}@${commit.slice(0, 12)}, a copy of 国家法律法规数据库.` +
      changes
    );
  }
  const base = `Compared ${v.checkedOn} with ${v.against} (${KIND_LABEL[v.sourceKind]}): ${v.method}.`;
  const difference = v.status === 'differs' ? ` The copy differed: ${v.difference}` : '';
  const note = v.note ? ` ${v.note}` : '';
  return `${base}${difference}${note}${changes}`;
}
