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
  reasonRequired,
  SEXES,
  validateForm,
} from '@pls/shared/domain';
import { familyKey, type Language } from '@pls/shared/i18n';
import { Text } from '@pls/shared/ui';
import type { CaseDetail } from '../../../src/console/api-types';
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

  const load = useCallback(async () => {
    // 首接负责制: opening a case nobody holds makes this user its holder.
    await api('POST', `/cases/${trackingCode}/hold`, {});
    const r = await api<CaseDetail>('GET', `/cases/${trackingCode}`);
    const c = await api<{ colleagues: { id: string; name: string }[] }>(
      'GET',
      `/cases/${trackingCode}/colleagues`,
    );
    if (c.ok) setColleagues(c.value.colleagues);
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
  const next = allowedNextStatuses(item.caseKind, item.status).filter(
    (s) => !(item.caseKind === 'questions' && s === 'answered'),
  );

  async function decide(status: string) {
    const body = {
      status,
      expectedStatus: item.status,
      ...(reason.trim() ? { reason: reason.trim(), language } : {}),
    };
    if (reasonRequired(item.caseKind, status) && !reason.trim())
      return setNotice({
        code: 'invalid_form',
        issues: [{ path: '/reason', message: 'required' }],
      });
    const form = validateForm('caseStatus', body);
    if (!form.ok) return setNotice({ code: 'invalid_form', issues: form.error });
    await send('status', form.value, clearReason);
  }

  async function handOver() {
    const form = validateForm('handOver', { toUserId: handTo ?? '', note: note.trim() });
    if (!form.ok) return setNotice({ code: 'invalid_form', issues: form.error });
    await send('handover', form.value, clearNote);
  }

  /** Sends a decision; a conflict (someone decided first) reloads the case to show theirs. */
  async function send(
    action: 'status' | 'answer' | 'handover',
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
                <Text k="console:case.due" values={{ at: new Date(item.dueAt) }} vertical={false} />
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
        ) : (
          <p>
            <Text k="console:case.final" />
          </p>
        )}
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
