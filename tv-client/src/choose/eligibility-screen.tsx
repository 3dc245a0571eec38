/**
 * The self-check on screen: one question at a time as a row of answers (OK picks one), the
 * conclusion with the articles it rests on, what to do next and the nearest station. Back
 * goes to the previous question (one level up), and from the first question out.
 */
import { useState } from 'react';
import { Text } from '@pls/shared/ui';
import type { Content, DirectoryEntry } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import type { TranslationKey } from '@pls/shared/i18n';
import { Tile } from '../ui/tile';
import { useScreenCommands, useTvNav } from '../ui/remote';
import { useCollection } from '../ui/use-collection';
import { StationCard } from './station-card';
import {
  answer,
  categoryOf,
  nextStep,
  type Answers,
  type Conclusion,
  type QuestionId,
} from './eligibility';
import { nearestOffice } from './stations';

const QUESTION_KEY: Readonly<Record<QuestionId, TranslationKey>> = {
  matter: 'tv:eligibility.q.matter',
  hasLawyer: 'tv:eligibility.q.hasLawyer',
  group: 'tv:eligibility.q.group',
  hardship: 'tv:eligibility.q.hardship',
};

const OPTION_KEY: Readonly<Record<string, TranslationKey>> = {
  yes: 'tv:eligibility.yes',
  no: 'tv:eligibility.no',
  wages: 'tv:eligibility.matter.wages',
  support: 'tv:eligibility.matter.support',
  injury: 'tv:eligibility.matter.injury',
  socialInsurance: 'tv:eligibility.matter.socialInsurance',
  environment: 'tv:eligibility.matter.environment',
  stateCompensation: 'tv:eligibility.matter.stateCompensation',
  domesticViolence: 'tv:eligibility.matter.domesticViolence',
  samaritan: 'tv:eligibility.matter.samaritan',
  other: 'tv:eligibility.matter.other',
  noIncomeVulnerable: 'tv:eligibility.group.noIncomeVulnerable',
  assistanceRecipient: 'tv:eligibility.group.assistanceRecipient',
  migrantWorker: 'tv:eligibility.group.migrantWorker',
  none: 'tv:eligibility.group.none',
};

const CONCLUSION_KEY: Readonly<
  Record<Conclusion, { title: TranslationKey; next: TranslationKey }>
> = {
  noHardshipCondition: {
    title: 'tv:eligibility.c.noHardshipCondition',
    next: 'tv:eligibility.next.noHardshipCondition',
  },
  exemptFromReview: {
    title: 'tv:eligibility.c.exemptFromReview',
    next: 'tv:eligibility.next.exemptFromReview',
  },
  meansTested: { title: 'tv:eligibility.c.meansTested', next: 'tv:eligibility.next.meansTested' },
  hasLawyer: { title: 'tv:eligibility.c.hasLawyer', next: 'tv:eligibility.next.hasLawyer' },
  notInHardship: {
    title: 'tv:eligibility.c.notInHardship',
    next: 'tv:eligibility.next.notInHardship',
  },
  notListed: { title: 'tv:eligibility.c.notListed', next: 'tv:eligibility.next.notListed' },
};

export function EligibilityScreen({ db, regionCode }: { db: LocalDatabase; regionCode: string }) {
  const nav = useTvNav();
  const [history, setHistory] = useState<Answers[]>([{}]);
  const answers = history[history.length - 1]!;
  const step = nextStep(answers);
  const content = useCollection(db, 'content') as Content[];
  const station = nearestOffice(useCollection(db, 'directory') as DirectoryEntry[], regionCode);

  useScreenCommands((command) => {
    if (command.kind === 'command' && command.command === 'back' && history.length > 1) {
      setHistory((h) => h.slice(0, -1));
      return true;
    }
    return false;
  });

  if (step.kind === 'question') {
    return (
      <div className="tv-page" data-step={step.id}>
        <Text k="tv:choose.eligibility" as="h2" className="tv-page__title" />
        <Text k={QUESTION_KEY[step.id]} as="p" className="tv-question" />
        <div className="tv-grid">
          {step.options.map((option) => (
            <Tile
              key={`${step.id}:${option}`}
              focusKey={`eligibility:${step.id}:${option}`}
              onOk={() => setHistory((h) => [...h, answer(answers, step.id, option)])}
            >
              <Text k={OPTION_KEY[option] ?? 'tv:eligibility.matter.other'} />
            </Tile>
          ))}
        </div>
      </div>
    );
  }

  const keys = CONCLUSION_KEY[step.conclusion];
  const articles = step.articles.flatMap((id) => content.filter((c) => c.id === id));
  return (
    <div className="tv-page tv-conclusion" data-conclusion={step.conclusion}>
      <Text k={keys.title} as="h2" className="tv-page__title" />
      <div className="tv-conclusion__body">
        <Text k={keys.next} as="p" />
        <div className="tv-conclusion__articles">
          <Text k="tv:read.basis" as="strong" />
          {articles.map((a) => (
            <Tile
              key={a.id}
              focusKey={`eligibility:article:${a.id}`}
              onOk={() => nav.push({ id: 'reader', contentId: a.id })}
            >
              <Text text={a.title} />
            </Tile>
          ))}
        </div>
        {station ? (
          <div className="tv-conclusion__station">
            <Text k="tv:eligibility.nearest" as="strong" />
            <StationCard entry={station} />
          </div>
        ) : null}
      </div>
      <div className="tv-hub">
        <Tile
          focusKey="eligibility:callback"
          className="tv-tile--primary"
          onOk={() => nav.push({ id: 'askForm', category: categoryOf(answers.matter) })}
        >
          <Text k="tv:choose.callback" />
        </Tile>
        <Tile focusKey="eligibility:again" onOk={() => setHistory([{}])}>
          <Text k="tv:eligibility.again" />
        </Tile>
      </div>
      <Text k="tv:eligibility.disclaimer" as="p" className="tv-quiet" />
    </div>
  );
}
