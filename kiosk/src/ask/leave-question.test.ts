import { afterEach, describe, expect, it } from 'vitest';
import { asDeviceId, asStationId, deviceTagFor, validateDocument } from '@pls/shared/domain';
import { sampleCaseUpdate } from '@pls/shared/testing';
import { openTestDatabase } from '../testing/test-database';
import {
  findQuestion,
  leaveQuestion,
  questionState,
  type LeaveQuestionInput,
} from './leave-question';

const ENROLLMENT = {
  deviceId: asDeviceId('kiosk-test-question'),
  deviceTag: deviceTagFor(7),
  stationId: asStationId('station-xilinhot-baiyinxile'),
};
const INPUT: LeaveQuestionInput = {
  category: 'wage_arrears',
  text: '  老板欠我三个月工资  ',
  phone: '139 0479 0000',
  callbackTime: 'afternoon',
  language: 'zh-Hans',
};
const NOW = new Date('2026-12-04T02:00:00Z');

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function database() {
  const db = await openTestDatabase(['questions']);
  close = () => db.close();
  return db;
}

describe('leaving a question for a lawyer', () => {
  it('stores a valid question with callback time, phone and a lookup by the phone’s last four', async () => {
    const db = await database();
    const stored = await leaveQuestion(db, ENROLLMENT, INPUT, NOW);
    if (!stored.ok) throw new Error(JSON.stringify(stored.error));
    const q = stored.value;
    expect(validateDocument('questions', q).ok).toBe(true);
    expect(q).toMatchObject({
      source: 'kiosk',
      text: '老板欠我三个月工资',
      callbackTime: 'afternoon',
      contact: { phone: '13904790000' },
      wantsCallback: true,
    });
    expect((await findQuestion(db, q.trackingCode, '0000'))?.id).toBe(q.id);
    expect(await findQuestion(db, q.trackingCode, '0001')).toBeUndefined();
    expect(await findQuestion(db, q.trackingCode, 'abc')).toBeUndefined();
  });

  it('refuses empty text, an overlong text and a bad phone, storing nothing', async () => {
    const db = await database();
    expect(await leaveQuestion(db, ENROLLMENT, { ...INPUT, text: '  ' }, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'textEmpty' },
    });
    expect(
      await leaveQuestion(db, ENROLLMENT, { ...INPUT, text: '问'.repeat(501) }, NOW),
    ).toMatchObject({ ok: false, error: { kind: 'textTooLong', max: 500 } });
    expect(await leaveQuestion(db, ENROLLMENT, { ...INPUT, phone: '12345' }, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'phone', error: { kind: 'format' } },
    });
    expect(await leaveQuestion(db, ENROLLMENT, { ...INPUT, phone: '' }, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'phone', error: { kind: 'empty' } },
    });
    expect(await db.questions.count().exec()).toBe(0);
  });
});

describe('question state from case updates', () => {
  it('is waiting, then received, then answered with the newest answer', () => {
    expect(questionState([])).toEqual({ kind: 'waiting' });
    const receipt = sampleCaseUpdate({
      kind: 'received',
      caseKind: 'questions',
      serverTime: '2026-12-04T03:00:00.000Z',
    });
    expect(questionState([receipt])).toEqual({ kind: 'received', at: receipt.serverTime });
    const first = sampleCaseUpdate({
      kind: 'answer',
      caseKind: 'questions',
      status: 'answered',
      answer: { text: '先去劳动监察', language: 'zh-Hans' },
      serverTime: '2026-12-04T04:00:00.000Z',
    });
    const second = sampleCaseUpdate({
      kind: 'answer',
      caseKind: 'questions',
      status: 'answered',
      answer: { text: '可以申请劳动仲裁', language: 'zh-Hans' },
      staffName: '巴图',
      serverTime: '2026-12-04T05:00:00.000Z',
    });
    expect(questionState([second, receipt, first])).toMatchObject({
      kind: 'answered',
      answer: { text: '可以申请劳动仲裁', staffName: '巴图' },
    });
  });
});
