/**
 * Search by picking words (no typing): a fixed list of the words people ask about, each shown
 * in the viewer's language (locales/tv.json `search.word.*`) and searched with the content
 * pack's own tags and title words (assets/content/content.json), so a picked word finds the
 * same items in both scripts (the shared index holds both languages of every item).
 */
import type { TranslationKey } from '@pls/shared/i18n';

export interface SearchWord {
  readonly id: string;
  readonly label: TranslationKey;
  /** What the index is asked: the pack's Chinese tags for this word. */
  readonly query: string;
}

export const SEARCH_WORDS: readonly SearchWord[] = [
  { id: 'wages', label: 'tv:search.word.wages', query: '讨薪 欠薪 工资' },
  { id: 'injury', label: 'tv:search.word.injury', query: '工伤' },
  { id: 'divorce', label: 'tv:search.word.divorce', query: '离婚' },
  { id: 'childSupport', label: 'tv:search.word.childSupport', query: '抚养费' },
  { id: 'elderly', label: 'tv:search.word.elderly', query: '赡养 老人' },
  { id: 'pasture', label: 'tv:search.word.pasture', query: '草场 草原' },
  { id: 'land', label: 'tv:search.word.land', query: '土地 承包' },
  { id: 'livestock', label: 'tv:search.word.livestock', query: '牲畜' },
  { id: 'violence', label: 'tv:search.word.violence', query: '家暴 保护令' },
  { id: 'disability', label: 'tv:search.word.disability', query: '残疾人' },
  { id: 'legalAid', label: 'tv:search.word.legalAid', query: '法律援助 免费律师' },
  { id: 'court', label: 'tv:search.word.court', query: '起诉 法院' },
  { id: 'evidence', label: 'tv:search.word.evidence', query: '证据' },
  { id: 'compensation', label: 'tv:search.word.compensation', query: '赔偿' },
  { id: 'traffic', label: 'tv:search.word.traffic', query: '交通事故' },
  { id: 'will', label: 'tv:search.word.will', query: '遗嘱 继承' },
  { id: 'arbitration', label: 'tv:search.word.arbitration', query: '仲裁' },
  { id: 'complaint', label: 'tv:search.word.complaint', query: '投诉' },
];

const BY_ID = new Map(SEARCH_WORDS.map((w) => [w.id, w]));

/** Picking a word again takes it back out; the order of picking is kept. */
export function togglePicked(picked: readonly string[], id: string): string[] {
  return picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id];
}

/** The index query for the picked words and what was typed on the on-screen keyboard. */
export function searchQuery(picked: readonly string[], typed: string): string {
  return [...picked.flatMap((id) => BY_ID.get(id)?.query ?? []), typed.trim()]
    .filter((part) => part !== '')
    .join(' ');
}
