/**
 * 给予/不予法律援助决定书 on its own page: the server sends the letter's facts, the shared print
 * spec checks them and the shared print document lays them out on A4 (`@page`), exactly as a
 * kiosk prints it. The browser prints it or saves it as PDF (window.print(), the browser build's
 * print path); the toolbar is hidden on paper. Fonts are the console's own bundled faces.
 */
import { useEffect, useState } from 'react';
import { RESOURCES } from '@pls/shared/i18n';
import {
  A4,
  BASE_CSS,
  DecisionLetter,
  pageRule,
  parsePrintDocumentSpec,
  parsePrintLabels,
  type PrintLabelSet,
} from '@pls/shared/print';
import { formatTrackingCode, type DecisionLetterContent } from '@pls/shared/domain';
import { Text } from '@pls/shared/ui';
import { api, type ApiFailure } from '../api';
import { FailureNotice } from '../messages';

/** The print faces are the console's bundled fonts (assets/fonts/fonts.css). */
const LETTER_CSS = `${BASE_CSS}
:root { --zh: var(--pls-font-zh); }
:lang(mn-Mong) { font-family: var(--pls-font-mn); }
html { font-size: 16px; }
.letter-toolbar { display: flex; gap: 1rem; padding: 1rem; background: #eef1f5; }
@media screen { .sheet { margin: 1rem auto; box-shadow: 0 0 0 1px #c8ccd2; } }
@media print { .letter-toolbar { display: none; } }
${pageRule(A4)}`;

function printLabels(): PrintLabelSet | undefined {
  const zh = parsePrintLabels(RESOURCES['zh-Hans'].print, RESOURCES['zh-Hans'].domain);
  const mn = parsePrintLabels(RESOURCES['mn-Mong'].print, RESOURCES['mn-Mong'].domain);
  return zh.ok && mn.ok ? { 'zh-Hans': zh.value, 'mn-Mong': mn.value } : undefined;
}

export function LetterPage({
  trackingCode,
  onBack,
  onUnauthorized,
}: {
  trackingCode: string;
  onBack: () => void;
  onUnauthorized: () => void;
}) {
  const [letter, setLetter] = useState<DecisionLetterContent | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  useEffect(() => {
    void api<{ letter: unknown }>('GET', `/cases/${trackingCode}/letter`).then((r) => {
      if (!r.ok) {
        if (r.error.code === 'unauthorized') return onUnauthorized();
        return setFailure(r.error);
      }
      const spec = parsePrintDocumentSpec({ kind: 'decisionLetter', letter: r.value.letter });
      if (spec.ok && spec.value.kind === 'decisionLetter') {
        setLetter(spec.value.letter);
        // The PDF's title and the print job's name.
        const zh = RESOURCES['zh-Hans'].print.letter;
        document.title = `${
          spec.value.letter.decision === 'granted' ? zh.titleGranted : zh.titleRefused
        } ${formatTrackingCode(spec.value.letter.trackingCode)}`;
      } else setFailure({ code: 'internal', issues: [] });
    });
  }, [trackingCode, onUnauthorized]);
  const labels = printLabels();
  return (
    <main className="console-letter">
      <style>{LETTER_CSS}</style>
      <div className="letter-toolbar">
        <button type="button" className="console-button" onClick={onBack}>
          <Text k="console:case.letterBack" />
        </button>
        <button
          type="button"
          className="console-button"
          disabled={!letter}
          onClick={() => window.print()}
        >
          <Text k="console:case.letterPrint" />
        </button>
      </div>
      <FailureNotice failure={failure} />
      {letter && labels ? <DecisionLetter letter={letter} labels={labels} /> : null}
    </main>
  );
}
