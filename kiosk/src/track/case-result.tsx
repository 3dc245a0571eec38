/**
 * A case's status in plain words, its history, and how fresh this kiosk's copy is (the kiosk
 * answers offline from what the last sync brought). Read aloud on request.
 */
import { useEffect } from 'react';
import { formatTrackingCode, pickText } from '@pls/shared/domain';
import { familyKey, formatDateTime, relativeAgo, type TranslationKey } from '@pls/shared/i18n';
import { BigButton, ScriptText, Text, useLanguage, useT } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import type { SyncStatus } from '@pls/shared/sync';
import type { CaseView } from './case-lookup';
import { useSyncStatus } from '../ui/runtime';

/** Which freshness sentence, and its "N minutes ago". */
function freshnessOf(status: SyncStatus): { key: TranslationKey; at: string | null } {
  if (status.lastSyncedAt === null) return { key: 'kiosk:track.freshness.never', at: null };
  if (status.kind === 'upToDate')
    return { key: 'kiosk:track.freshness.upToDate', at: status.lastSyncedAt };
  return { key: 'kiosk:track.freshness.stale', at: status.lastSyncedAt };
}

function Freshness() {
  const status = useSyncStatus();
  const { t } = useT();
  const { language } = useLanguage();
  const { key, at } = freshnessOf(status);
  const ago = at === null ? undefined : relativeAgo(at, new Date());
  return (
    <Text
      as="p"
      k={key}
      values={ago ? { ago: t(ago.key, { n: ago.n, lng: language }) } : {}}
      className="k-freshness"
    />
  );
}

/** Codes of a decision, each in the resident's language (refusal reasons, materials). */
function CodeList({ title, items }: { title: TranslationKey; items: readonly TranslationKey[] }) {
  return (
    <div className="k-case__codes">
      <Text k={title} />
      <ul>
        {items.map((key) => (
          <li key={key}>
            <Text k={key} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Lawyer({ lawyer }: { lawyer: NonNullable<CaseView['history'][number]['lawyer']> }) {
  const { language } = useLanguage();
  const name = pickText(lawyer.name, language);
  return (
    <div className="k-case__lawyer" data-testid="case-lawyer">
      <Text k="kiosk:track.lawyer" values={{ name: name.text }} />
      {lawyer.phone ? <Text k="kiosk:track.lawyerPhone" values={{ phone: lawyer.phone }} /> : null}
    </div>
  );
}

export function CaseResult({ view }: { view: CaseView }) {
  const voice = useVoice();
  const { language } = useLanguage();
  const statusKey = familyKey('domain:status.applications', view.status);
  useEffect(() => {
    void voice.speakSequence(['kiosk:track.statusIntro', statusKey]);
  }, [voice, statusKey, language]);
  return (
    <div className="k-case" data-testid="case-result" data-status={view.status}>
      <p className="k-case__code k-mono">{formatTrackingCode(view.trackingCode)}</p>
      <div className="k-case__status">
        <Text k="kiosk:track.currentStatus" />
        <Text as="strong" k={statusKey} className="k-case__status-value" />
      </div>
      <Freshness />
      <ol className="k-case__history" data-testid="case-history">
        {view.history.map((entry) => (
          <li key={`${entry.status}-${entry.at}`} data-status={entry.status}>
            <ScriptText
              text={formatDateTime(entry.at, language)}
              language={language}
              className="k-case__when"
            />
            <Text k={familyKey('domain:status.applications', entry.status)} />
            {entry.refusalReasons ? (
              <CodeList
                title="kiosk:track.refusalReasons"
                items={entry.refusalReasons.map((code) => familyKey('domain:refusalReason', code))}
              />
            ) : null}
            {entry.missingMaterials ? (
              <CodeList
                title="kiosk:track.missingMaterials"
                items={entry.missingMaterials.map((code) =>
                  familyKey('domain:missingMaterial', code),
                )}
              />
            ) : null}
            {entry.reason ? (
              <ScriptText
                text={entry.reason.text}
                language={entry.reason.language}
                className="k-case__reason"
              />
            ) : null}
            {entry.lawyer ? <Lawyer lawyer={entry.lawyer} /> : null}
          </li>
        ))}
      </ol>
      {view.status === 'rejected' ? (
        <Text as="p" k="kiosk:track.objection" className="k-case__objection" />
      ) : null}
      {view.notes.length > 0 ? (
        <div className="k-case__notes">
          <Text as="h3" k="kiosk:track.notes" />
          {view.notes.map((note) => (
            <p key={note.at}>
              <ScriptText
                text={formatDateTime(note.at, language)}
                language={language}
                className="k-case__when"
              />{' '}
              <ScriptText text={note.text.text} language={note.text.language} />
            </p>
          ))}
        </div>
      ) : null}
      <BigButton
        label="kiosk:track.readAloud"
        icon="speaker"
        variant="secondary"
        onPress={() => void voice.speakSequence(['kiosk:track.statusIntro', statusKey])}
      />
    </div>
  );
}
