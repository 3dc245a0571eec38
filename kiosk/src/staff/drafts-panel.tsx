/** Staff mode: forms interrupted by a crash or power cut, to resume with the resident or delete. */
import { useEffect, useState } from 'react';
import { deleteDraft, listDrafts, removeSubmittedDrafts, type Draft } from '@pls/shared/db';
import { BigButton, Text, useT } from '@pls/shared/ui';
import { useRuntime } from '../ui/runtime';
import { Panel, When } from './panel';
import { draftStepKey } from './place-names';

export function DraftsPanel({
  currentDraftId,
  canResume,
  onResume,
}: {
  currentDraftId: string | undefined;
  canResume: boolean;
  onResume: (draft: Draft) => void;
}) {
  const { db } = useRuntime();
  const { t } = useT();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    // A draft whose application was stored before a crash is done: never offer it again.
    void removeSubmittedDrafts(db)
      .then(() => listDrafts(db))
      .then((found) => {
        if (live) setDrafts(found.filter((d) => d.id !== currentDraftId));
      });
    return () => {
      live = false;
    };
  }, [db, currentDraftId, version]);
  const remove = async (id: string) => {
    await deleteDraft(db, id);
    setVersion((v) => v + 1);
  };
  return (
    <Panel title="kiosk:staff.drafts.title" testId="panel-drafts">
      <Text as="p" k="kiosk:staff.drafts.explain" />
      {drafts.length === 0 ? <Text as="p" k="kiosk:staff.drafts.none" /> : null}
      <ul className="k-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="k-list__row" data-testid="staff-draft">
            <When at={draft.updatedAt} />
            <Text
              k="kiosk:staff.drafts.step"
              values={{ step: t(draftStepKey(draft.step)) }}
              vertical={false}
            />
            <BigButton
              label="kiosk:staff.drafts.resume"
              className="k-act--resume-draft"
              disabled={!canResume}
              onPress={() => onResume(draft)}
            />
            <BigButton
              label="kiosk:staff.drafts.discard"
              variant="secondary"
              onPress={() => void remove(draft.id)}
            />
          </li>
        ))}
      </ul>
    </Panel>
  );
}
