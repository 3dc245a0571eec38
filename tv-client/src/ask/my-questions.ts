/**
 * The household's questions with what the center did about them (case_updates carry the
 * receipt and the answer, replicated to this box only), and which answers the viewer has not
 * seen yet: those make the quiet notification, also at the next start if they arrived while
 * the TV was off.
 */
import type { CaseUpdate, Question } from '@pls/shared/domain';

export interface Thread {
  readonly question: Question;
  readonly state: 'waiting' | 'received' | 'answered';
  readonly answer?: {
    readonly id: string;
    readonly text: string;
    readonly language: 'zh-Hans' | 'mn-Mong';
    readonly at: string;
  };
}

export function buildThreads(
  questions: readonly Question[],
  updates: readonly CaseUpdate[],
): Thread[] {
  return [...questions]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((question) => {
      const mine = updates
        .filter((u) => u.trackingCode === question.trackingCode)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const answer = mine.filter((u) => u.kind === 'answer' && u.answer).at(-1);
      if (answer?.answer) {
        return {
          question,
          state: 'answered' as const,
          answer: {
            id: answer.id,
            text: answer.answer.text,
            language: answer.answer.language,
            at: answer.createdAt,
          },
        };
      }
      return { question, state: mine.length > 0 ? ('received' as const) : ('waiting' as const) };
    });
}

export function unseenAnswers(threads: readonly Thread[], seen: ReadonlySet<string>): string[] {
  return threads.flatMap((t) => (t.answer && !seen.has(t.answer.id) ? [t.answer.id] : []));
}

const SEEN_KEY = 'pls-tv-seen-answers';

export function loadSeen(store: { getItem(key: string): string | null }): Set<string> {
  try {
    const value: unknown = JSON.parse(store.getItem(SEEN_KEY) ?? '[]');
    return new Set(
      Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [],
    );
  } catch {
    return new Set();
  }
}

export function saveSeen(
  store: { setItem(key: string, value: string): void },
  seen: ReadonlySet<string>,
): void {
  store.setItem(SEEN_KEY, JSON.stringify([...seen].slice(-500)));
}
