/**
 * The laws the calculators apply, and how far their rules were checked. Same convention as
 * the content pack's per-article verification (shared/src/content/source-schema.ts): a rule
 * is `unverified` until someone compares it with an official page and records where.
 */
import type { ArticleVerification } from '../content/source-schema';
import type { TranslationKey } from '../i18n/typed-keys';

export const CALCULATOR_LAWS = ['courtFees', 'labourContract', 'workInjury'] as const;
export type CalculatorLaw = (typeof CALCULATOR_LAWS)[number];

export interface RuleSource {
  readonly name: TranslationKey;
  /** Which text the rules were taken from (edition and where it was read). */
  readonly edition: string;
  readonly articles: readonly number[];
  readonly verification: ArticleVerification;
}

const COPY = 'LawRefBook/Laws@3cd6e86b80f0, a copy of 国家法律法规数据库';

export const RULE_SOURCES: Readonly<Record<CalculatorLaw, RuleSource>> = {
  courtFees: {
    name: 'services:law.courtFees',
    edition: '诉讼费用交纳办法（国务院令第481号，2007年4月1日起施行）',
    articles: [13, 15, 16, 20, 44, 45, 46, 47],
    verification: {
      status: 'unverified',
      checkedOn: '2026-12-03',
      note:
        `Brackets and relief grounds compared word by word with ${COPY} ` +
        '(行政法规/诉讼费用交纳办法.md); no official .gov.cn page was reachable from this machine. ' +
        'The autonomous region may set its own amounts inside the 第十三条 ranges: not checked.',
    },
  },
  labourContract: {
    name: 'services:law.labourContract',
    edition: '中华人民共和国劳动合同法（2012年12月28日修正）',
    articles: [30, 47, 82, 85],
    verification: {
      status: 'unverified',
      checkedOn: '2026-12-03',
      note:
        `Articles 30, 47, 82 and 85 as in the content pack (${COPY}); not compared with an official ` +
        'page. The 11-month limit of 第八十二条 is 劳动合同法实施条例第七条: not checked either.',
    },
  },
  workInjury: {
    name: 'services:law.workInjury',
    edition: '工伤保险条例（2010年12月20日国务院令第586号修订）',
    articles: [35, 36, 37, 64],
    verification: {
      status: 'unverified',
      checkedOn: '2026-12-03',
      note:
        `Months per grade (第三十五—三十七条) and the 60%–300% wage rule (第六十四条) compared with ` +
        `${COPY} (行政法规/工伤保险条例.md); no official page reachable.`,
    },
  },
};

/** Where a step's rule is written: law, article, and item (项) / point (目) when there is one. */
export interface Citation {
  readonly law: CalculatorLaw;
  readonly article: number;
  readonly item?: number;
  readonly point?: number;
}

export function cite(law: CalculatorLaw, article: number, item?: number, point?: number): Citation {
  return {
    law,
    article,
    ...(item !== undefined ? { item } : {}),
    ...(point !== undefined ? { point } : {}),
  };
}
