import { afterEach, describe, expect, it } from 'vitest';
import { listDrafts, type DatabaseWith } from '@pls/shared/db';
import { applyReducer, INITIAL_APPLY_STATE } from './apply-flow';
import { createDraftKeeper } from './draft-keeper';
import { decodeDraft } from './draft-codec';
import { openTestDatabase } from '../testing/test-database';
import { SAMPLE_ACTIONS } from '../testing/sample-draft';

let db: DatabaseWith<'drafts'> | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('draft keeper', () => {
  it('saves nothing before consent, then every change, so a restart finds the last state', async () => {
    db = await openTestDatabase(['drafts']);
    const keeper = createDraftKeeper(db);
    await keeper.save(INITIAL_APPLY_STATE);
    expect(await listDrafts(db)).toEqual([]);
    let state = INITIAL_APPLY_STATE;
    for (const action of SAMPLE_ACTIONS.slice(0, 3)) {
      state = applyReducer(state, action);
      void keeper.save(state);
    }
    await keeper.settled();
    const [draft] = await listDrafts(db);
    expect(draft?.id).toBe(keeper.id);
    expect(decodeDraft(draft?.data)).toEqual(state);
  });

  it('deletes the draft on discard, and a save still in flight cannot bring it back', async () => {
    db = await openTestDatabase(['drafts']);
    const keeper = createDraftKeeper(db);
    const state = SAMPLE_ACTIONS.reduce(applyReducer, INITIAL_APPLY_STATE);
    void keeper.save(state);
    const discarded = keeper.discard();
    void keeper.save(state); // e.g. a render after the visit ended
    await discarded;
    await keeper.settled();
    expect(await listDrafts(db)).toEqual([]);
    expect(await db.drafts!.count().exec()).toBe(0);
  });
});
