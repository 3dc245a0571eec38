/** 想选的: the legal-aid self-check, stations and hotlines, and a callback request. */
import { HubScreen, type HubEntry } from '../ui/hub-screen';

const ENTRIES: readonly HubEntry[] = [
  { focusKey: 'choose:eligibility', label: 'tv:choose.eligibility', opens: { id: 'eligibility' } },
  { focusKey: 'choose:stations', label: 'tv:choose.stations', opens: { id: 'stations' } },
  { focusKey: 'choose:callback', label: 'tv:choose.callback', opens: { id: 'askForm' } },
];

export function ChooseScreen() {
  return <HubScreen title="tv:home.choose" entries={ENTRIES} />;
}
