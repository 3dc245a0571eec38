/** 想问的: the questions others asked (FAQ by topic), search by words, ask a question, my questions. */
import { HubScreen, type HubEntry } from '../ui/hub-screen';

const ENTRIES: readonly HubEntry[] = [
  { focusKey: 'ask:faq', label: 'tv:ask.faq', opens: { id: 'faq' } },
  { focusKey: 'ask:search', label: 'tv:search.title', opens: { id: 'search' } },
  { focusKey: 'ask:new', label: 'tv:ask.new', opens: { id: 'askForm' } },
  { focusKey: 'ask:mine', label: 'tv:home.myQuestions', opens: { id: 'myQuestions' } },
];

export function AskScreen() {
  return <HubScreen title="tv:home.ask" entries={ENTRIES} />;
}
