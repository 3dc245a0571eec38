/** @jsxRuntime automatic @jsxImportSource react */
/**
 * A slip: a titled list of sections the kiosk composed in the resident's language (an answer
 * slip 答复单, a booking slip, a filled document template), on a receipt roll or A4. The kiosk
 * sends the words, so one kind serves every service that prints a page of text; the station,
 * the date, the tracking code (large and as a QR code) and 12348 come with every slip. Written
 * in Mongolian, the text runs in vertical columns, as the receipt's Mongolian block does.
 */
import { formatTrackingCode } from '../domain/tracking-code';
import { pickText } from '../domain/localized-text';
import { formatPrintDate } from './print-date';
import { QrCode } from './qr-svg';
import { HOTLINE } from './receipt';
import type { PrintLabelSet } from './labels';
import type { SlipContent, SlipLine } from './spec';

/** Slip-only rules, kept beside the component that uses them. */
export const SLIP_CSS = `
.slip-a4 { box-sizing: border-box; width: 210mm; padding: 16mm 18mm 14mm; font-size: 4.2mm; line-height: 1.7; }
.slip-a4 h1 { text-align: center; font-size: 7mm; font-weight: 400; letter-spacing: 0.15em; margin-bottom: 4mm; }
.slip-a4 .slip-meta { display: flex; justify-content: space-between; font-size: 3.4mm; border-bottom: 0.3mm solid #000; padding-bottom: 2mm; margin-bottom: 3mm; }
.slip-a4 h2 { font-size: 4.6mm; font-weight: 400; margin: 4mm 0 1mm; }
.slip-a4 p { white-space: pre-wrap; margin: 0.8mm 0; }
.slip-a4 .slip-code { font-family: var(--mono); }
.slip-a4 .mn-v { height: 230mm; font-size: 4.4mm; line-height: 1.6; }
.slip-a4 .slip-foot { margin-top: 6mm; border-top: 0.3mm solid #000; padding-top: 2mm; font-size: 3.4mm; }
.roll .slip-sections p { white-space: pre-wrap; }
.roll .slip-sections h2 { margin-top: 2mm; }
.slip-label { margin-right: 1.5mm; }
`;

function Line({ line }: { line: SlipLine }) {
  return (
    <p>
      {line.label !== undefined && <span className="slip-label">{line.label}：</span>}
      {line.text}
    </p>
  );
}

function MongolianLine({ line }: { line: SlipLine }) {
  return (
    <p>
      {line.label !== undefined && <span className="slip-label">{line.label}: </span>}
      {line.text}
    </p>
  );
}

export function Slip({ slip, labels }: { slip: SlipContent; labels: PrintLabelSet }) {
  const mn = slip.language === 'mn-Mong';
  const dateLabels = labels[slip.language];
  const code = slip.trackingCode ? formatTrackingCode(slip.trackingCode) : undefined;
  const station = pickText(slip.stationName, slip.language);
  const sections = mn ? (
    <section className="mn-block mn-fit">
      <div className="mn-v" lang="mn-Mong">
        <p className="strong">{slip.title}</p>
        {slip.sections.map((section, i) => (
          <div key={i}>
            {section.heading !== undefined && <p className="gap strong">{section.heading}</p>}
            {section.lines.map((line, j) => (
              <MongolianLine key={j} line={line} />
            ))}
          </div>
        ))}
      </div>
    </section>
  ) : (
    <div className="slip-sections">
      {slip.sections.map((section, i) => (
        <section key={i}>
          {section.heading !== undefined && <h2>{section.heading}</h2>}
          {section.lines.map((line, j) => (
            <Line key={j} line={line} />
          ))}
        </section>
      ))}
    </div>
  );
  const stationText = <span lang={station.language}>{station.text}</span>;
  if (slip.paper === 'A4') {
    return (
      <main className="slip-a4" lang={slip.language} data-paper="A4">
        <style>{SLIP_CSS}</style>
        {!mn && <h1>{slip.title}</h1>}
        <div className="slip-meta">
          <span>{stationText}</span>
          <span>{formatPrintDate(slip.issuedAt, dateLabels)}</span>
          {code !== undefined && <span className="slip-code">{code}</span>}
        </div>
        {sections}
        <div className="slip-foot">
          {labels['zh-Hans'].receipt.hotline} {HOTLINE}
        </div>
      </main>
    );
  }
  const width = slip.paper === '80mm' ? 80 : 58;
  return (
    <main className={`roll roll-${width}`} lang={slip.language} data-paper={slip.paper}>
      <style>{SLIP_CSS}</style>
      <header>{mn ? stationText : <h1>{slip.title}</h1>}</header>
      {code !== undefined && slip.trackingCode !== undefined && (
        <section className="code">
          <div className="tracking">{code}</div>
          <QrCode text={slip.trackingCode} sizeMm={width === 80 ? 30 : 24} label={code} />
        </section>
      )}
      <dl>
        {!mn && (
          <>
            <dt>{labels['zh-Hans'].receipt.station}</dt>
            <dd>{stationText}</dd>
          </>
        )}
        <dt>{labels[slip.language].receipt.date}</dt>
        <dd>{formatPrintDate(slip.issuedAt, dateLabels)}</dd>
      </dl>
      {sections}
      <div className="hotline">
        {labels[slip.language].receipt.hotline}
        <strong>{HOTLINE}</strong>
      </div>
    </main>
  );
}
