import { describe, expect, it } from 'vitest';
import type { CaseUpdate, Question } from '@pls/shared/domain';
import { memoryStore } from '../nav/focus-memory';
import { buildThreads, loadSeen, saveSeen, unseenAnswers } from './my-questions';

const q = (code: string, createdAt: string) =>
  ({ trackingCode: code, createdAt }) as unknown as Question;
const u = (code: string, kind: string, createdAt: string, answer?: string) =>
  ({
    id: `u-${code}-${kind}`,
    trackingCode: code,
    kind,
    createdAt,
    ...(answer ? { answer: { text: answer, language: 'zh-Hans' } } : {}),
  }) as unknown as CaseUpdate;

describe('my questions', () => {
  const questions = [
    q('A', '2026-12-01T01:00:00Z'),
    q('B', '2026-12-02T01:00:00Z'),
    q('C', '2026-12-03T01:00:00Z'),
  ];
  const updates = [
    u('A', 'received', '2026-12-01T02:00:00Z'),
    u('A', 'answer', '2026-12-01T03:00:00Z', '可以申请法律援助'),
    u('B', 'received', '2026-12-02T02:00:00Z'),
  ];

  it('pairs each question with its receipt and answer, newest question first', () => {
    const threads = buildThreads(questions, updates);
    expect(threads.map((t) => [t.question.trackingCode, t.state])).toEqual([
      ['C', 'waiting'],
      ['B', 'received'],
      ['A', 'answered'],
    ]);
    expect(threads[2]!.answer).toMatchObject({ text: '可以申请法律援助', language: 'zh-Hans' });
  });

  it('counts answers not yet seen, remembered across a restart', () => {
    const threads = buildThreads(questions, updates);
    const store = memoryStore();
    expect(unseenAnswers(threads, loadSeen(store))).toEqual(['u-A-answer']);
    saveSeen(store, new Set(['u-A-answer']));
    expect(unseenAnswers(threads, loadSeen(store))).toEqual([]);
    store.setItem('pls-tv-seen-answers', 'garbage');
    expect(loadSeen(store).size).toBe(0);
  });
});
