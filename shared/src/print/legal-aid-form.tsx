/** @jsxRuntime automatic @jsxImportSource react */
/**
 * 法律援助申请表 on A4, filled from an application: the usual fields of the official form
 * (applicant, case and reasons, financial hardship or the exemption from its review, the
 * request, signature and date). Chinese always; Mongolian labels beside it when the resident
 * chose Mongolian. Two pages, so the signature page can be signed without turning the sheet.
 */
import type { ReactNode } from 'react';
import { pickText, type LocalizedText } from '../domain/localized-text';
import { formatTrackingCode } from '../domain/tracking-code';
import type { Application } from '../domain/schemas/applications';
import { HARDSHIP_BASES } from '../domain/vocabulary';
import { Bilingual } from './bilingual';
import { fillTemplate, type PrintLabels, type PrintLabelSet } from './labels';
import { formatPrintDate } from './print-date';
import { QrCode } from './qr-svg';

export interface LegalAidFormProps {
  readonly application: Application;
  readonly stationName: LocalizedText;
  readonly labels: PrintLabelSet;
}

type FormKey = keyof PrintLabels['form'];

export function LegalAidForm({ application, stationName, labels }: LegalAidFormProps) {
  const zh = labels['zh-Hans'];
  const bilingual = application.language === 'mn-Mong';
  const mn = bilingual ? labels['mn-Mong'] : undefined;
  const L = (key: FormKey) => <Bilingual zh={zh.form[key]} mn={mn?.form[key]} />;
  const applicant = application.applicant;
  const code = formatTrackingCode(application.trackingCode);
  const station = pickText(stationName, 'zh-Hans').text;
  const checked = new Set<string>(application.hardshipBases);
  const page = (n: number) => (
    <div className="footer">
      {fillTemplate(zh.form.page, { page: String(n) })} · {code}
    </div>
  );

  return (
    <>
      <section className={bilingual ? 'sheet bilingual' : 'sheet'} lang="zh-Hans" data-page="1">
        <div className="title">
          {mn && (
            <span className="mn-v" lang="mn-Mong">
              {mn.form.title}
            </span>
          )}
          <h1>{zh.form.title}</h1>
        </div>
        <div className="meta">
          <span>
            {zh.form.trackingCode}：<span className="code">{code}</span>
          </span>
          <span>
            {zh.form.station}：{station}
          </span>
          <span>
            {zh.form.submittedAt}：{formatPrintDate(application.submittedAt, zh)}
          </span>
        </div>
        <table>
          <colgroup>
            <col style={{ width: '19%' }} />
            <col style={{ width: '31%' }} />
            <col style={{ width: '19%' }} />
            <col style={{ width: '31%' }} />
          </colgroup>
          <tbody>
            <tr className="section">
              <th colSpan={4}>{L('applicant')}</th>
            </tr>
            {applicant ? (
              <>
                <Row
                  label={L('name')}
                  value={applicant.name}
                  label2={L('sex')}
                  value2={<Sex labels={labels} bilingual={bilingual} sex={applicant.sex} />}
                />
                <Row
                  label={L('nation')}
                  value={
                    applicant.nationCode ? (
                      <Bilingual
                        className="val"
                        zh={zh.nation[applicant.nationCode] ?? applicant.nationCode}
                        mn={mn?.nation[applicant.nationCode]}
                      />
                    ) : (
                      '—'
                    )
                  }
                  label2={L('birthDate')}
                  value2={formatPrintDate(applicant.birthDate, zh)}
                />
                <tr>
                  <th>{L('idNumber')}</th>
                  <td colSpan={3} className="id">
                    {applicant.idNumber}
                  </td>
                </tr>
                <tr>
                  <th>{L('address')}</th>
                  <td colSpan={3}>{applicant.address}</td>
                </tr>
                <Row
                  label={L('phone')}
                  value={applicant.phone}
                  label2={L('identitySource')}
                  value2={
                    <Bilingual
                      className="val"
                      zh={zh.identitySource[application.identitySource]}
                      mn={mn?.identitySource[application.identitySource]}
                    />
                  }
                />
              </>
            ) : (
              <tr>
                <td colSpan={4}>
                  <Bilingual zh={zh.form.purged} mn={mn?.form.purged} />
                </td>
              </tr>
            )}
            <tr className="section">
              <th colSpan={4}>{L('caseSection')}</th>
            </tr>
            <tr>
              <th>{L('caseCategory')}</th>
              <td colSpan={3}>
                <Bilingual
                  className="val"
                  zh={zh.caseCategory[application.caseCategory]}
                  mn={mn?.caseCategory[application.caseCategory]}
                />
              </td>
            </tr>
            <tr>
              <td colSpan={4} className="description">
                {application.descriptionByStaff && application.description.trim() === '' ? (
                  <Bilingual zh={zh.form.descriptionByStaff} mn={mn?.form.descriptionByStaff} />
                ) : (
                  application.description
                )}
              </td>
            </tr>
          </tbody>
        </table>
        {page(1)}
      </section>

      <section className={bilingual ? 'sheet bilingual' : 'sheet'} lang="zh-Hans" data-page="2">
        <table>
          <tbody>
            <tr className="section">
              <th>{L('hardshipSection')}</th>
            </tr>
            <tr>
              <td>
                <ul className="checks">
                  {HARDSHIP_BASES.map((basis) => (
                    <li key={basis} data-basis={basis} data-checked={checked.has(basis)}>
                      <CheckBox checked={checked.has(basis)} />
                      <Bilingual className="val" zh={zh.hardship[basis]} mn={mn?.hardship[basis]} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
            <tr className="section">
              <th>{L('requestSection')}</th>
            </tr>
            <tr>
              <td>
                <Bilingual className="val" zh={zh.form.requestText} mn={mn?.form.requestText} />
              </td>
            </tr>
            <tr>
              <td>
                <Bilingual className="val" zh={zh.form.declaration} mn={mn?.form.declaration} />
              </td>
            </tr>
          </tbody>
        </table>
        <table style={{ marginTop: '6mm' }}>
          <tbody>
            <tr>
              <th style={{ width: '22%' }}>{L('signature')}</th>
              <td className="sign" />
              <th style={{ width: '14%' }}>{L('date')}</th>
              <td style={{ width: '26%' }}>{formatPrintDate(application.submittedAt, zh)}</td>
            </tr>
          </tbody>
        </table>
        <QrCode text={application.trackingCode} sizeMm={26} label={code} />
        {page(2)}
      </section>
    </>
  );
}

function Row({
  label,
  value,
  label2,
  value2,
}: {
  label: ReactNode;
  value: ReactNode;
  label2: ReactNode;
  value2: ReactNode;
}) {
  return (
    <tr>
      <th>{label}</th>
      <td>{value}</td>
      <th>{label2}</th>
      <td>{value2}</td>
    </tr>
  );
}

function Sex({
  labels,
  bilingual,
  sex,
}: {
  labels: PrintLabelSet;
  bilingual: boolean;
  sex: 'male' | 'female' | 'unknown';
}) {
  return (
    <Bilingual
      className="val"
      zh={labels['zh-Hans'].sex[sex]}
      mn={bilingual ? labels['mn-Mong'].sex[sex] : undefined}
    />
  );
}

/** Drawn, not a font glyph: ☑/☐ are missing from many CJK fonts. */
function CheckBox({ checked }: { checked: boolean }) {
  return (
    <svg
      className="box"
      viewBox="0 0 10 10"
      role="img"
      aria-label={checked ? 'checked' : 'unchecked'}
    >
      <rect x="0.5" y="0.5" width="9" height="9" fill="none" stroke="#000" strokeWidth="0.8" />
      {checked && <path d="M2 5.2 4.2 7.5 8 2.6" fill="none" stroke="#000" strokeWidth="1.4" />}
    </svg>
  );
}
