/**
 * Answers from the local knowledge base: the replicated `content` documents searched with the
 * shared bilingual index, each answer with the law article it rests on (its own `law`, or the
 * first of its `basis` articles). Pure apart from the documents passed in.
 */
import { pickText, type CaseCategory, type Content, type Language } from '@pls/shared/domain';
import { ContentSearchIndex } from '@pls/shared/search';

export interface Citation {
  readonly lawName: string;
  readonly article: number;
  /** The article's own text was checked against an official page. */
  readonly verified: boolean;
}

export interface KnowledgeAnswer {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly citation: Citation | undefined;
}

const MAX_ANSWERS = 3;

export interface KnowledgeBase {
  answer(query: string, language: Language, category?: CaseCategory): KnowledgeAnswer[];
}

export function createKnowledgeBase(documents: readonly Content[]): KnowledgeBase {
  const live = documents.filter((d) => !d.withdrawn);
  const byId = new Map(live.map((d) => [d.id, d]));
  const index = ContentSearchIndex.create(live);
  const citationOf = (doc: Content, language: Language): Citation | undefined => {
    const source = doc.law ? doc : (doc.basis ?? []).map((id) => byId.get(id)).find((d) => d?.law);
    const law = source?.law;
    if (!law) return undefined;
    return {
      lawName: pickText(law.lawName, language).text,
      article: law.article,
      verified: law.verified,
    };
  };
  const search = (query: string, category: CaseCategory | undefined): string[] =>
    index
      .search(query, {
        kinds: ['faq', 'law_article'],
        ...(category ? { categories: [category] } : {}),
        limit: MAX_ANSWERS,
      })
      .map((hit) => hit.id);
  return {
    answer(query, language, category) {
      // A topic alone (no words) lists that topic's questions and answers in the pack's order.
      const ids =
        query.trim() === '' && category
          ? live
              .filter((d) => d.kind === 'faq' && d.categories.includes(category))
              .sort((a, b) => a.order - b.order)
              .slice(0, MAX_ANSWERS)
              .map((d) => d.id)
          : search(query, category);
      return ids.flatMap((id) => {
        const doc = byId.get(id);
        if (!doc) return [];
        return [
          {
            id: doc.id,
            title: pickText(doc.title, language).text,
            text: pickText(doc.summary, language).text,
            citation: citationOf(doc, language),
          },
        ];
      });
    },
  };
}
