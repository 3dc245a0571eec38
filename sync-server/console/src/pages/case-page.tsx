/**
 * One case: what the resident gave (applicant, category, description, photos), the statutory
 * clock, the timeline of case updates, and the decisions the status machine allows now. A
 * decision names the status it was made on; if someone else decided first, the server answers
 * a conflict and the page reloads the case instead of overwriting. Typed text is kept as a draft.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  allowedNextStatuses,
  HARDSHIP_BASES,
  MISSING_MATERIALS,
  pickText,
  reasonRequired,
  REFUSAL_REASONS,
  SEXES,
  validateForm,
  type LocalizedText,
  type MissingMaterial,
  type RefusalReason,
} from '@pls/shared/domain';
import { familyKey, type Language, type TranslationKey } from '@pls/shared/i18n';
import { Text, useLanguage, useT } from '@pls/shared/ui';
import type { CaseDetail, LawyerItem as Lawyer } from '../../../src/console/api-types';
import { api, type ApiFailure } from '../api';
import { useDraft } from '../drafts';
import { categoryKey, kindKey, statusKey } from '../labels';
import { FailureNotice, FieldProblem } from '../messages';
import type { PageProps } from '../shell';
import { When } from '../when';
import { RadioChips } from '../radio-chips';

interface Applicant {
  name?: string;
  sex?: string;
  birthDate?: string;
  idNumber?: string;
  address?: string;
  phone?: string;
}

function Row({
  label,
  children,
}: {
  label: Parameters<typeof Text>[0]['k'];
  children: React.ReactNode;
}) {
  return (
    <div className="console-dl__row">
      <dt>{label ? <Text k={label} vertical={false} /> : null}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Several codes of one list chosen at once (toggle chips: no native checkbox column). */
function CodeChips<C extends string>({
  label,
  codes,
  keyOf,
  chosen,
  onChange,
}: {
  label: TranslationKey;
  codes: readonly C[];
  keyOf: (code: C) => TranslationKey;
  chosen: readonly C[];
  onChange: (next: C[]) => void;
}) {
  const { t } = useT();
  return (
    <div className="console-filter-row" role="group" aria-label={t(label)}>
      <Text k={label} className="console-filter-label" />
      {codes.map((code) => (
        <button
          key={code}
          type="button"
          className="console-chip"
          data-code={code}
          aria-pressed={chosen.includes(code)}
          onClick={() =>
            onChange(chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code])
          }
        >
          <Text k={keyOf(code)} vertical={false} />
        </button>
      ))}
    </div>
  );
}

/** A lawyer's name in the reader's language (sample directory entries say so in their name). */
function NameOf({ name }: { name: LocalizedText }) {
  const { language } = useLanguage();
  const picked = pickText(name, language);
  return (
    <span lang={picked.language === 'mn-Mong' ? 'mn-Mong-CN' : 'zh-Hans-CN'}>{picked.text}</span>
  );
}

const REFUSAL_KEY = (code: RefusalReason) => familyKey('domain:refusalReason', code);
const MATERIAL_KEY = (code: MissingMaterial) => familyKey('domain:missingMaterial', code);
const codeKey = (code: string): TranslationKey =>
  (REFUSAL_REASONS as readonly string[]).includes(code)
    ? REFUSAL_KEY(code as RefusalReason)
    : MATERIAL_KEY(code as MissingMaterial);
const DUE_KEY = {
  decision: 'console:case.due',
  assignment: 'console:case.dueAssign',
  objection: 'console:case.dueObjection',
} as const;

export function CasePage({ trackingCode, onUnauthorized }: PageProps & { trackingCode: string }) {
  const [detail, setDetail] = useState<CaseDetail | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [notice, setNotice] = useState<ApiFailure | undefined>(undefined);
  const [reason, setReason, clearReason] = useDraft(`reason:${trackingCode}`);
  const [answer, setAnswer, clearAnswer] = useDraft(`answer:${trackingCode}`);
  const [reasonLanguage, setReasonLanguage] = useState<Language | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const [colleagues, setColleagues] = useState<{ id: string; name: string }[]>([]);
  const [handTo, setHandTo] = useState<string | undefined>(undefined);
  const [note, setNote, clearNote] = useDraft(`handover:${trackingCode}`);
  const [refusals, setRefusals] = useState<RefusalReason[]>([]);
  const [materials, setMaterials] = useState<MissingMaterial[]>([]);
  const [lawyers, setLawyers] = useState<readonly Lawyer[]>([]);
  const [lawyerId, setLawyerId] = useState<string | undefined>(undefined);

  const load = useCallback(async () => {
    // 首接负责制: opening a case nobody holds makes this user its holder.
    await api('POST', `/cases/${trackingCode}/hold`, {});
    const r = await api<CaseDetail>('GET', `/cases/${trackingCode}`);
    const c = await api<{ colleagues: { id: string; name: string }[] }>(
      'GET',
      `/cases/${trackingCode}/colleagues`,
    );
    if (c.ok) setColleagues(c.value.colleagues);
    if (r.ok && r.value.item.caseKind === 'applications') {
      const l = await api<{ lawyers: Lawyer[] }>('GET', `/cases/${trackingCode}/lawyers`);
      if (l.ok) setLawyers(l.value.lawyers);
    }
    if (!r.ok && r.error.code === 'unauthorized') return onUnauthorized();
    setFailure(r.ok ? undefined : r.error);
    if (r.ok) setDetail(r.value);
  }, [trackingCode, onUnauthorized]);
  useEffect(() => {
    void load();
  }, [load]);

  if (failure) return <FailureNotice failure={failure} />;
  if (!detail) return null;
  const { item } = detail;
  const doc = (detail.document ?? {}) as Record<string, unknown>;
  const applicant = (doc['applicant'] ?? {}) as Applicant;
  const residentLanguage: Language = doc['language'] === 'mn-Mong' ? 'mn-Mong' : 'zh-Hans';
  const language = reasonLanguage ?? residentLanguage;
  const allowed = allowedNextStatuses(item.caseKind, item.status);
  // Answering and assigning have their own forms; the rest are one button each.
  const next = allowed.filter(
    (s) =>
      !(item.caseKind === 'questions' && s === 'answered') &&
      !(item.caseKind === 'applications' && (s === 'approved' || s === 'assigned')),
  );
  const canAssign =
    item.caseKind === 'applications' &&
    (allowed.includes('approved') || allowed.includes('assigned'));
  const decided =
    item.caseKind === 'applications' && ['approved', 'assigned', 'rejected'].includes(item.status);

  async function decide(status: string) {
    const codes =
      status === 'rejected'
        ? { refusalReasons: refusals }
        : status === 'needs_materials'
          ? { missingMaterials: materials }
          : {};
    const coded = Object.values(codes).some((list) => list.length > 0);
    const body = {
      status,
      expectedStatus: item.status,
      ...(reason.trim() ? { reason: reason.trim(), language } : {}),
      ...(coded ? codes : {}),
    };
    if (reasonRequired(item.caseKind, status) && !reason.trim() && !coded)
      return setNotice({
        code: 'invalid_form',
        issues: [{ path: '/reason', message: 'required' }],
      });
    const form = validateForm('caseStatus', body);
    if (!form.ok) return setNotice({ code: 'invalid_form', issues: form.error });
    await send('status', form.value, () => {
      clearReason();
      setRefusals([]);
      setMaterials([]);
    });
  }

  async function assign() {
    const form = validateForm('approveAndAssign', {
      lawyerId: lawyerId ?? '',
      expectedStatus: item.status,
    });
    if (!form.ok) return setNotice({ code: 'invalid_form', issues: form.error });
    await send('assign', form.value, () => setLawyerId(undefined));
  }

  async function handOver() {
    const form = validateForm('handOver', { toUserId: handTo ?? '', note: note.trim() });
    if (!form.ok) return setNotice({ code: 'invalid_form', issues: form.error });
    await send('handover', form.value, clearNote);
  }

  /** Sends a decision; a conflict (someone decided first) reloads the case to show theirs. */
  async function send(
    action: 'status' | 'answer' | 'handover' | 'assign',
    body: unknown,
    clearDraft: () => void,
  ) {
    setBusy(true);
    const r = await api('POST', `/cases/${trackingCode}/${action}`, body);
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === 'unauthorized') return onUnauthorized();
      setNotice(r.error);
      if (r.error.code === 'conflict') await load();
      return;
    }
    setNotice(undefined);
    clearDraft();
    await load();
  }

  async function sendAnswer() {
    const form = validateForm('answer', {
      text: answer.trim(),
      language,
      expectedStatus: item.status,
    });
    if (!form.ok) return setNotice({ code: 'invalid_form', issues: form.error });
    await send('answer', form.value, clearAnswer);
  }

  const issues = notice?.issues ?? [];
  // Tag what the resident wrote by its script, not by their interface language.
  const langOf = (text: string) => (/[\u1800-\u18af]/.test(text) ? 'mn-Mong-CN' : 'zh-Hans-CN');
  const hardship = Array.isArray(doc['hardshipBases']) ? (doc['hardshipBases'] as string[]) : [];
  return (
    <section className="console-page console-case">
      <div className="console-page__head">
        <Text as="h1" k="console:case.title" values={{ code: item.trackingCode }} />
        <Text k={statusKey(item.caseKind, item.status)} className="console-status" />
      </div>
      <div className="console-case__grid">
        <div className="console-panel">
          <Text as="h2" k="console:case.facts" />
          <dl className="console-dl">
            <Row label="console:inbox.kind">
              <Text k={kindKey(item.caseKind)} vertical={false} />
            </Row>
            <Row label="console:inbox.category">
              <Text k={categoryKey(item.category)} vertical={false} />
            </Row>
            <Row label="console:case.centerReference">
              <span className="console-mono">{detail.centerReference}</span>
            </Row>
            <Row label="console:inbox.station">
              <span className="console-mono">{item.stationId ?? '—'}</span>
            </Row>
            <Row label="console:case.residentLanguage">
              <Text
                k={residentLanguage === 'mn-Mong' ? 'console:language.mn' : 'console:language.zh'}
                vertical={false}
              />
            </Row>
            <Row label="console:inbox.filedAt">
              {item.filedAt ? <When at={item.filedAt} /> : '—'}
            </Row>
            <Row label="console:inbox.receivedAt">
              <When at={item.receivedAt} />
            </Row>
            <Row label="console:inbox.holder">
              <span lang="zh-Hans-CN">{detail.holder?.name ?? '—'}</span>
            </Row>
            {item.dueAt ? (
              <Row label="console:inbox.dueAt">
                <Text
                  k={DUE_KEY[item.clock ?? 'decision']}
                  values={{ at: new Date(item.dueAt) }}
                  vertical={false}
                />
                {item.overdue ? (
                  <span className="console-flag console-flag--alert">
                    <Text k="console:inbox.overdue" vertical={false} />
                  </span>
                ) : null}
              </Row>
            ) : null}
          </dl>
          {item.offlineFlag ? (
            <p className="console-warning" role="note">
              <Text k="console:case.offlineWarning" />
            </p>
          ) : null}
        </div>
        <div className="console-panel">
          <Text as="h2" k="console:case.resident" />
          <dl className="console-dl">
            {applicant.name ? (
              <Row label="console:case.name">
                <span lang="zh-Hans-CN">{applicant.name}</span>
              </Row>
            ) : null}
            {applicant.sex && (SEXES as readonly string[]).includes(applicant.sex) ? (
              <Row label="console:case.sex">
                <Text
                  k={familyKey('domain:sex', applicant.sex as (typeof SEXES)[number])}
                  vertical={false}
                />
              </Row>
            ) : null}
            {applicant.birthDate ? (
              <Row label="console:case.birthDate">
                <span className="console-mono">{applicant.birthDate}</span>
              </Row>
            ) : null}
            {applicant.idNumber ? (
              <Row label="console:case.idNumber">
                <span className="console-mono">{applicant.idNumber}</span>
              </Row>
            ) : null}
            {applicant.phone ? (
              <Row label="console:case.phone">
                <span className="console-mono">{applicant.phone}</span>
              </Row>
            ) : null}
            {applicant.address ? (
              <Row label="console:case.address">
                <span lang="zh-Hans-CN">{applicant.address}</span>
              </Row>
            ) : null}
          </dl>
          {hardship.length > 0 ? (
            <>
              <Text as="h3" k="console:case.hardship" />
              <ul className="console-list">
                {hardship
                  .filter((h) => (HARDSHIP_BASES as readonly string[]).includes(h))
                  .map((h) => (
                    <li key={h}>
                      <Text
                        k={familyKey('domain:hardshipBasis', h as (typeof HARDSHIP_BASES)[number])}
                        vertical={false}
                      />
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
          {typeof doc['description'] === 'string' && doc['description'] ? (
            <>
              <Text as="h3" k="console:case.description" />
              <p className="console-quote" lang={langOf(doc['description'])}>
                {doc['description']}
              </p>
            </>
          ) : null}
          {typeof doc['text'] === 'string' ? (
            <>
              <Text as="h3" k="console:case.question" />
              <p className="console-quote" lang={langOf(doc['text'])}>
                {doc['text']}
              </p>
            </>
          ) : null}
        </div>
        {detail.attachments.length > 0 ? (
          <div className="console-panel">
            <Text as="h2" k="console:case.photos" />
            <div className="console-photos">
              {detail.attachments.map((a, i) => (
                <a
                  key={a.id}
                  href={`/console/api/cases/${trackingCode}/attachments/${a.id}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  <img
                    src={`/console/api/cases/${trackingCode}/attachments/${a.id}`}
                    alt={`${i + 1}`}
                    width={160}
                  />
                </a>
              ))}
            </div>
          </div>
        ) : null}
        <div className="console-panel">
          <Text as="h2" k="console:case.timeline" />
          <ol className="console-timeline">
            {detail.timeline.map((entry, i) => (
              <li key={i}>
                <When at={entry.at} />{' '}
                {entry.kind === 'hold' || entry.kind === 'handover' ? (
                  <Text
                    k={entry.kind === 'hold' ? 'console:case.held' : 'console:case.handedOver'}
                    vertical={false}
                  />
                ) : null}
                {entry.status ? (
                  <Text k={statusKey(item.caseKind, entry.status)} vertical={false} />
                ) : null}
                {entry.staffName ? (
                  <span className="console-mono"> · {entry.staffName}</span>
                ) : null}
                {entry.codes.length > 0 ? (
                  <ul className="console-list">
                    {entry.codes.map((code) => (
                      <li key={code}>
                        <Text k={codeKey(code)} vertical={false} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {entry.lawyer ? (
                  <p>
                    <Text k="console:case.lawyer" vertical={false} />{' '}
                    <NameOf name={entry.lawyer as LocalizedText} />
                  </p>
                ) : null}
                {entry.text ? (
                  <p className="console-quote" lang={langOf(entry.text)}>
                    {entry.text}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      </div>
      <div className="console-panel console-decide">
        <Text as="h2" k="console:case.decide" />
        <FailureNotice failure={notice?.code === 'invalid_form' ? undefined : notice} />
        <RadioChips
          label="console:case.replyLanguage"
          options={(['mn-Mong', 'zh-Hans'] as const).map((l) => ({
            value: l,
            content: <Text k={l === 'mn-Mong' ? 'console:language.mn' : 'console:language.zh'} />,
          }))}
          value={language}
          onChange={setReasonLanguage}
        />
        {item.caseKind === 'questions' &&
        allowedNextStatuses('questions', item.status).includes('answered') ? (
          <label className="console-field">
            <Text k="console:case.answer" />
            <textarea
              rows={5}
              value={answer}
              lang={language === 'mn-Mong' ? 'mn-Mong-CN' : 'zh-Hans-CN'}
              onChange={(e) => setAnswer(e.target.value)}
            />
            <FieldProblem issues={issues} field="text" hint="console:case.answerHint" />
            <button
              type="button"
              className="console-button"
              disabled={busy}
              onClick={() => void sendAnswer()}
            >
              <Text k="console:case.sendAnswer" />
            </button>
          </label>
        ) : null}
        {canAssign ? (
          <div className="console-assign">
            <RadioChips
              label="console:case.lawyers"
              options={lawyers.map((l) => ({
                value: l.id,
                content: (
                  <span className="console-lawyer" data-lawyer={l.id}>
                    <NameOf name={l.name} />{' '}
                    <Text k="console:case.openCases" values={{ n: l.openCases }} vertical={false} />
                    {l.sample ? (
                      <span className="console-flag">
                        <Text k="console:case.sampleLawyer" vertical={false} />
                      </span>
                    ) : null}
                  </span>
                ),
              }))}
              value={lawyerId}
              onChange={setLawyerId}
            >
              <FieldProblem issues={issues} field="lawyerId" hint="console:case.chooseLawyerHint" />
            </RadioChips>
            <button
              type="button"
              className="console-button console-assign__submit"
              disabled={busy}
              onClick={() => void assign()}
            >
              <Text
                k={
                  allowed.includes('approved')
                    ? 'console:case.approveAndAssign'
                    : 'console:case.assign'
                }
              />
            </button>
          </div>
        ) : null}
        {next.includes('urgent_aid') ? (
          <p className="console-hint">
            <Text k="console:case.urgentHint" />
          </p>
        ) : null}
        {next.includes('needs_materials') ? (
          <CodeChips
            label="console:case.missingMaterials"
            codes={MISSING_MATERIALS}
            keyOf={MATERIAL_KEY}
            chosen={materials}
            onChange={setMaterials}
          />
        ) : null}
        {next.includes('rejected') ? (
          <CodeChips
            label="console:case.refusalReasons"
            codes={REFUSAL_REASONS}
            keyOf={REFUSAL_KEY}
            chosen={refusals}
            onChange={setRefusals}
          />
        ) : null}
        {next.length > 0 ? (
          <>
            <label className="console-field">
              <Text k="console:case.reason" />
              <textarea
                rows={3}
                value={reason}
                lang={language === 'mn-Mong' ? 'mn-Mong-CN' : 'zh-Hans-CN'}
                onChange={(e) => setReason(e.target.value)}
              />
              <FieldProblem issues={issues} field="reason" hint="console:case.reasonHint" />
            </label>
            <div className="console-actions">
              {next.map((status) => (
                <button
                  key={status}
                  type="button"
                  className="console-button"
                  disabled={busy}
                  onClick={() => void decide(status)}
                >
                  <Text k="console:case.moveTo" vertical={false} />
                  <Text k={statusKey(item.caseKind, status)} />
                </button>
              ))}
            </div>
          </>
        ) : canAssign ? null : (
          <p>
            <Text k="console:case.final" />
          </p>
        )}
        {decided ? (
          <p>
            <a
              className="console-button console-button--quiet console-letter-link"
              href={`/console/cases/${trackingCode}/letter`}
              target="_blank"
              rel="noreferrer"
            >
              <Text k="console:case.letter" vertical={false} />
            </a>
          </p>
        ) : null}
      </div>
      {colleagues.length > 0 ? (
        <div className="console-panel console-decide">
          <Text as="h2" k="console:case.handOver" />
          <RadioChips
            label="console:case.handOverTo"
            options={colleagues.map((c) => ({
              value: c.id,
              content: <span lang="zh-Hans-CN">{c.name}</span>,
            }))}
            value={handTo}
            onChange={setHandTo}
          >
            <FieldProblem issues={issues} field="toUserId" hint="console:case.handOverToHint" />
          </RadioChips>
          <label className="console-field">
            <Text k="console:case.handOverNote" />
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            <FieldProblem issues={issues} field="note" hint="console:case.handOverNoteHint" />
          </label>
          <button
            type="button"
            className="console-button"
            disabled={busy}
            onClick={() => void handOver()}
          >
            <Text k="console:case.handOverSubmit" />
          </button>
        </div>
      ) : null}
    </section>
  );
}
