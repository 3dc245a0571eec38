/** @jsxRuntime automatic @jsxImportSource react */
/**
 * Receipt (受理回执) for 80 mm and 58 mm thermal rolls: the tracking code in large type and as a
 * QR code, the station, the date, what happens next and the 12348 hotline. When the resident
 * chose Mongolian, a vertical traditional-script block repeats it below the Chinese.
 */
import { formatTrackingCode } from '../domain/tracking-code';
import { pickText } from '../domain/localized-text';
import { formatPrintDate } from './print-date';
import { QrCode } from './qr-svg';
import type { PrintLabelSet } from './labels';
import type { ReceiptContent, ReceiptPaper } from './spec';

export const HOTLINE = '12348';

export interface ReceiptProps {
  readonly paper: ReceiptPaper;
  readonly receipt: ReceiptContent;
  readonly labels: PrintLabelSet;
}

export function Receipt({ paper, receipt, labels }: ReceiptProps) {
  const zh = labels['zh-Hans'];
  const code = formatTrackingCode(receipt.trackingCode);
  const width = paper === '80mm' ? 80 : 58;
  return (
    <main className={`roll roll-${width}`} lang="zh-Hans" data-paper={paper}>
      <header>
        <div className="service">{zh.service[receipt.service]}</div>
        <h1>{zh.receipt.title}</h1>
      </header>
      <section className="code">
        <div className="label">{zh.receipt.trackingCode}</div>
        <div className="tracking">{code}</div>
        <QrCode text={receipt.trackingCode} sizeMm={width === 80 ? 34 : 28} label={code} />
        <div className="scan">{zh.receipt.scanToTrack}</div>
      </section>
      <dl>
        <dt>{zh.receipt.station}</dt>
        <dd>{receipt.stationName.zh}</dd>
        <dt>{zh.receipt.date}</dt>
        <dd>{formatPrintDate(receipt.issuedAt, zh)}</dd>
      </dl>
      <h2>{zh.receipt.nextSteps}</h2>
      <ol>
        {zh.steps[receipt.service].map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div className="hotline">
        {zh.receipt.hotline}
        <strong>{HOTLINE}</strong>
      </div>
      <p className="keep">{zh.receipt.keep}</p>
      {receipt.language === 'mn-Mong' && (
        <MongolianBlock receipt={receipt} labels={labels} code={code} />
      )}
    </main>
  );
}

function MongolianBlock({
  receipt,
  labels,
  code,
}: {
  receipt: ReceiptContent;
  labels: PrintLabelSet;
  code: string;
}) {
  const mn = labels['mn-Mong'];
  const station = pickText(receipt.stationName, 'mn-Mong');
  return (
    <section className="mn-block mn-fit">
      <div className="mn-v" lang="mn-Mong">
        <p className="strong">
          {mn.service[receipt.service]} {mn.receipt.title}
        </p>
        <p className="gap">
          {mn.receipt.trackingCode}: <span className="latin">{code}</span>
        </p>
        <p>
          {mn.receipt.station}: <span lang={station.language}>{station.text}</span>
        </p>
        <p>
          {mn.receipt.date}: {formatPrintDate(receipt.issuedAt, mn)}
        </p>
        <p className="gap strong">{mn.receipt.nextSteps}</p>
        {mn.steps[receipt.service].map((step, index) => (
          <p key={step}>
            {index + 1}. {step}
          </p>
        ))}
        <p className="gap">
          {mn.receipt.hotline}: <span className="latin">{HOTLINE}</span>
        </p>
        <p>{mn.receipt.keep}</p>
      </div>
    </section>
  );
}
