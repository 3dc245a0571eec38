import { describe, expect, it } from 'vitest';
import {
  answer,
  categoryOf,
  groupsFor,
  nextStep,
  type Answers,
  type QuestionId,
} from './eligibility';

function run(...steps: [QuestionId, string][]): ReturnType<typeof nextStep> {
  let answers: Answers = {};
  for (const [id, option] of steps) {
    const step = nextStep(answers);
    expect(step).toMatchObject({ kind: 'question', id });
    if (step.kind === 'question') expect(step.options).toContain(option);
    answers = answer(answers, id, option);
  }
  return nextStep(answers);
}

describe('legal-aid self-check (法律援助法 第三十一、三十二、四十一、四十二条)', () => {
  it('a migrant herder owed wages is exempt from the hardship review (第四十二条（三）)', () => {
    expect(run(['matter', 'wages'], ['hasLawyer', 'no'], ['group', 'migrantWorker'])).toEqual({
      kind: 'conclusion',
      conclusion: 'exemptFromReview',
      articles: ['law-legal-aid-law-31', 'law-legal-aid-law-42'],
    });
  });

  it('a victim of domestic violence has no hardship condition at all (第三十二条（四）)', () => {
    expect(run(['matter', 'domesticViolence'])).toEqual({
      kind: 'conclusion',
      conclusion: 'noHardshipCondition',
      articles: ['law-legal-aid-law-32'],
    });
  });

  it('a family claiming support money in hardship is means-tested (第三十一条（四）, 第四十一条)', () => {
    expect(
      run(['matter', 'support'], ['hasLawyer', 'no'], ['group', 'none'], ['hardship', 'yes']),
    ).toMatchObject({
      conclusion: 'meansTested',
      articles: ['law-legal-aid-law-31', 'law-legal-aid-law-41'],
    });
    expect(
      run(['matter', 'support'], ['hasLawyer', 'no'], ['group', 'none'], ['hardship', 'no']),
    ).toMatchObject({
      conclusion: 'notInHardship',
    });
  });

  it('someone who already has a lawyer is not covered by 第三十一条', () => {
    expect(run(['matter', 'injury'], ['hasLawyer', 'yes'])).toMatchObject({
      conclusion: 'hasLawyer',
    });
  });

  it('offers the migrant-worker group only for wages and work injury', () => {
    expect(groupsFor('support')).not.toContain('migrantWorker');
    expect(groupsFor('wages')).toContain('migrantWorker');
  });

  it('changing the matter forgets the later answers', () => {
    const a = answer(
      answer(answer({}, 'matter', 'wages'), 'hasLawyer', 'yes'),
      'matter',
      'support',
    );
    expect(a).toEqual({ matter: 'support' });
    expect(answer(a, 'matter', 'bogus')).toBe(a);
  });

  it('files a callback under the matching topic', () => {
    expect(categoryOf('wages')).toBe('wage_arrears');
    expect(categoryOf(undefined)).toBe('other');
  });
});
