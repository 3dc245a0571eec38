/**
 * The facts of a 给予/不予法律援助决定书 (法律援助法 第四十三条) for one case, as a print spec
 * (shared/src/print checks it): the console renders it on A4 and the browser prints it or saves a PDF,
 * the same document a kiosk would print. Only for a case that has been decided.
 */
import {
  CASE_CATEGORIES,
  isRecord,
  parseTrackingCode,
  REFUSAL_REASONS,
  type CaseCategory,
  type DecisionLetterContent,
  type LocalizedText,
  type RefusalReason,
} from '@pls/shared/domain';
import type { Queryable } from '../db/database';
import type { CaseDetail } from '../console/api-types';

/** When no center of the case's region is in the directory. */
const FALLBACK_CENTER: LocalizedText = {
  zh: '法律援助中心',
  mn: 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠲᠥᠪ',
  mnStatus: 'draft',
};

/** The directory's center whose region code is the longest prefix of the case's region. */
async function centerOf(db: Queryable, regionCode: string | null): Promise<LocalizedText> {
  const { rows } = await db.query<{ body: { name: LocalizedText; regionCode: string } }>(
    `select body from documents where collection = 'directory' and body->>'kind' = 'center'`,
  );
  const region = regionCode ?? '';
  const best = rows
    .map((r) => r.body)
    .filter((c) => c.regionCode !== '' && region.startsWith(c.regionCode))
    .sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
  return best?.name ?? FALLBACK_CENTER;
}

export type LetterProblem = 'notDecided' | 'noApplicant' | 'invalid';

export async function decisionLetterOf(
  db: Queryable,
  detail: CaseDetail,
): Promise<{ ok: true; value: DecisionLetterContent } | { ok: false; error: LetterProblem }> {
  const { item } = detail;
  const granted = item.status === 'approved' || item.status === 'assigned';
  if (item.caseKind !== 'applications' || (!granted && item.status !== 'rejected'))
    return { ok: false, error: 'notDecided' };
  const { rows } = await db.query<{ body: Record<string, unknown> }>(
    `select body from documents where collection = 'case_updates' and body->>'caseId' = $1
      order by seq`,
    [String(detail.document?.['id'] ?? '')],
  );
  const updates = rows.map((r) => r.body);
  const decision = updates.findLast((u) => u['status'] === (granted ? 'approved' : 'rejected'));
  const assignment = updates.findLast((u) => u['kind'] === 'provider_assigned');
  const doc = detail.document ?? {};
  const applicant = isRecord(doc['applicant']) ? doc['applicant'] : {};
  if (typeof applicant['name'] !== 'string') return { ok: false, error: 'noApplicant' };
  const provider =
    granted && assignment && isRecord(assignment['provider']) ? assignment['provider'] : undefined;
  const reason = isRecord(decision?.['reason']) ? decision['reason'] : undefined;
  const code = parseTrackingCode(item.trackingCode);
  if (!code.ok || !(CASE_CATEGORIES as readonly unknown[]).includes(item.category))
    return { ok: false, error: 'invalid' };
  const phone = provider && typeof provider['phone'] === 'string' ? provider['phone'] : undefined;
  return {
    ok: true,
    value: {
      decision: granted ? 'granted' : 'refused',
      trackingCode: code.value,
      centerReference: detail.centerReference,
      applicantName: applicant['name'],
      caseCategory: item.category as CaseCategory,
      receivedAt: item.receivedAt,
      decidedAt: String(decision?.['serverTime'] ?? item.receivedAt),
      language: doc['language'] === 'mn-Mong' ? 'mn-Mong' : 'zh-Hans',
      centerName: await centerOf(db, item.regionCode),
      ...(provider
        ? {
            lawyer: {
              displayName: isRecord(provider['displayName'])
                ? (provider['displayName'] as unknown as LocalizedText)
                : { zh: String(provider['name']), mn: '', mnStatus: 'missing' as const },
              ...(phone ? { phone } : {}),
              sample: provider['sample'] === true,
            },
          }
        : {}),
      refusalReasons: granted ? [] : refusalReasonsOf(decision?.['refusalReasons']),
      ...(!granted && typeof reason?.['text'] === 'string' ? { reasonText: reason['text'] } : {}),
    },
  };
}

const refusalReasonsOf = (value: unknown): RefusalReason[] =>
  Array.isArray(value)
    ? value.filter((v): v is RefusalReason => (REFUSAL_REASONS as readonly unknown[]).includes(v))
    : [];
