/** Labels of content kinds and row titles, as whole keys (the locale check sees each). */
import { familyKey, type TranslationKey } from '@pls/shared/i18n';
import type { CaseCategory, ContentKind } from '@pls/shared/domain';

export function rowTitleKey(id: 'continue' | CaseCategory): TranslationKey {
  return id === 'continue' ? 'tv:watch.continue' : familyKey('domain:caseCategory', id);
}

export function kindKey(kind: ContentKind): TranslationKey {
  switch (kind) {
    case 'program':
      return 'tv:kind.program';
    case 'faq':
      return 'tv:kind.faq';
    case 'law_article':
      return 'tv:kind.lawArticle';
    case 'guide':
    case 'notice':
    case 'template':
    case 'case_story':
      return 'tv:kind.other';
  }
}
