/** @jsxRuntime automatic @jsxImportSource react */
/**
 * 给予/不予法律援助决定书 on A4: the written decision 《法律援助法》第四十三条 requires (a refusal
 * in writing with its reasons), naming the applicant, the tracking code and the center's
 * reference, the assigned lawyer when granted, and where to object to a refusal (第四十九条).
 * Chinese always; the Mongolian text beside it, vertical, when the resident chose Mongolian.
 */
import { pickText } from '../domain/localized-text';
import { formatTrackingCode } from '../domain/tracking-code';
import type { Language } from '../domain/vocabulary';
import { fillTemplate, type PrintLabels, type PrintLabelSet } from './labels';
import { formatPrintDate } from './print-date';
import type { DecisionLetterContent } from './spec';

export interface DecisionLetterProps {
  readonly letter: DecisionLetterContent;
  readonly labels: PrintLabelSet;
}

/** The letter's sentences in one language, in reading order. */
export function letterParagraphs(
  letter: DecisionLetterContent,
  l: PrintLabels,
  language: Language,
): string[] {
  const code = formatTrackingCode(letter.trackingCode);
  const values = {
    name: letter.applicantName,
    received: formatPrintDate(letter.receivedAt, l),
    code,
    category: l.caseCategory[letter.caseCategory],
  };
  const out = [fillTemplate(l.letter.salutation, values)];
  if (letter.decision === 'granted') {
    out.push(fillTemplate(l.letter.grantedBody, values));
    if (letter.lawyer) {
      const lawyer = pickText(letter.lawyer.displayName, language).text;
      out.push(fillTemplate(l.letter.assignedTo, { lawyer }));
      if (letter.lawyer.phone)
        out.push(fillTemplate(l.letter.lawyerPhone, { phone: letter.lawyer.phone }));
      if (letter.lawyer.sample) out.push(l.letter.sample);
    }
  } else {
    out.push(fillTemplate(l.letter.refusedBody, values));
    out.push(l.letter.reasons);
    for (const reason of letter.refusalReasons) out.push(`· ${l.refusalReason[reason]}`);
    if (letter.reasonText) out.push(`· ${letter.reasonText}`);
    out.push(l.letter.refusedDecision, l.letter.objection);
  }
  return out;
}

export function DecisionLetter({ letter, labels }: DecisionLetterProps) {
  const zh = labels['zh-Hans'];
  const mn = letter.language === 'mn-Mong' ? labels['mn-Mong'] : undefined;
  const title = (l: PrintLabels) =>
    letter.decision === 'granted' ? l.letter.titleGranted : l.letter.titleRefused;
  const paragraphs = (l: PrintLabels, language: Language) => letterParagraphs(letter, l, language);
  const center = pickText(letter.centerName, 'zh-Hans').text;
  return (
    <section
      className={mn ? 'sheet letter bilingual' : 'sheet letter'}
      lang="zh-Hans"
      data-page="1"
    >
      <div className="title">
        {mn && (
          <span className="mn-v" lang="mn-Mong">
            {title(mn)}
          </span>
        )}
        <h1>{title(zh)}</h1>
      </div>
      <div className="meta">
        <span>
          {zh.letter.reference}：{letter.centerReference}
        </span>
        <span>
          {zh.letter.trackingCode}：
          <span className="code">{formatTrackingCode(letter.trackingCode)}</span>
        </span>
      </div>
      <div className="letter-body">
        <div className="letter-zh">
          {paragraphs(zh, 'zh-Hans').map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <p className="letter-sign">
            {zh.letter.center}：{center}
            <br />
            {zh.letter.date}：{formatPrintDate(letter.decidedAt, zh)}
          </p>
        </div>
        {mn && (
          <div className="mn-v letter-mn" lang="mn-Mong">
            {paragraphs(mn, 'mn-Mong').map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            <p>
              {pickText(letter.centerName, 'mn-Mong').text} ·{' '}
              {formatPrintDate(letter.decidedAt, mn)}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
