/**
 * The legal-aid self-check, answered with OK and arrows: a few questions, then what the family
 * can expect and do next. It follows 《中华人民共和国法律援助法》 as the content pack quotes it
 * (law-legal-aid-law-31/32/41/42); it tells people where they stand, the legal-aid
 * institution decides. Pure: answers in, next step out.
 */
import type { CaseCategory } from '@pls/shared/domain';

/** What the matter is about. Each maps to an item of 第三十一条 or 第三十二条. */
const MATTERS = [
  'wages', // 第三十一条（五）请求确认劳动关系或者支付劳动报酬
  'support', // 第三十一条（四）请求给付赡养费、抚养费、扶养费
  'injury', // 第三十一条（七）工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿
  'socialInsurance', // 第三十一条（二）请求给予社会保险待遇或者社会救助
  'environment', // 第三十一条（八）环境污染、生态破坏损害赔偿 (grassland damage)
  'stateCompensation', // 第三十一条（一）依法请求国家赔偿
  'domesticViolence', // 第三十二条（四）遭受虐待、遗弃或者家庭暴力的受害人主张相关权益
  'samaritan', // 第三十二条（二）因见义勇为行为主张相关民事权益
  'other', // none of the listed matters
] as const;
export type Matter = (typeof MATTERS)[number];

/** Groups exempt from the hardship review, 第四十二条. */
const GROUPS = [
  'noIncomeVulnerable', // 第四十二条（一）无固定生活来源的未成年人、老年人、残疾人等特定群体
  'assistanceRecipient', // 第四十二条（二）社会救助、司法救助或者优抚对象 (低保、特困)
  'migrantWorker', // 第四十二条（三）申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员
  'none',
] as const;
export type Group = (typeof GROUPS)[number];

export interface Answers {
  readonly matter?: Matter;
  readonly hasLawyer?: boolean;
  readonly group?: Group;
  readonly hardship?: boolean;
}

export type QuestionId = 'matter' | 'hasLawyer' | 'group' | 'hardship';

export type Conclusion =
  /** 第三十二条: no hardship condition at all. */
  | 'noHardshipCondition'
  /** 第四十二条: hardship is assumed; bring proof of the group. */
  | 'exemptFromReview'
  /** 第三十一条 + 第四十一条: may apply; states hardship truthfully, the institution checks. */
  | 'meansTested'
  /** 第三十一条 covers only those without an agent. */
  | 'hasLawyer'
  /** 第三十一条 requires economic hardship. */
  | 'notInHardship'
  /** Not among the listed matters: the hotline says whether other rules apply (31(九)). */
  | 'notListed';

export type Step =
  | { readonly kind: 'question'; readonly id: QuestionId; readonly options: readonly string[] }
  | {
      readonly kind: 'conclusion';
      readonly conclusion: Conclusion;
      /** Content ids of the articles the conclusion rests on (shown with it). */
      readonly articles: readonly string[];
    };

const ART = (n: number) => `law-legal-aid-law-${n}`;
const YES_NO = ['yes', 'no'] as const;

function conclude(conclusion: Conclusion, articles: readonly number[]): Step {
  return { kind: 'conclusion', conclusion, articles: articles.map(ART) };
}

/** Which groups make sense for a matter: 42(3) is only for wages or work injury. */
export function groupsFor(matter: Matter): readonly Group[] {
  return matter === 'wages' || matter === 'injury'
    ? GROUPS
    : GROUPS.filter((g) => g !== 'migrantWorker');
}

export function nextStep(answers: Answers): Step {
  const { matter } = answers;
  if (matter === undefined) return { kind: 'question', id: 'matter', options: MATTERS };
  // 第三十二条: these victims apply whatever their means.
  if (matter === 'domesticViolence' || matter === 'samaritan')
    return conclude('noHardshipCondition', [32]);
  if (matter === 'other') return conclude('notListed', [31]);
  // 第三十一条: "因经济困难没有委托代理人的".
  if (answers.hasLawyer === undefined)
    return { kind: 'question', id: 'hasLawyer', options: YES_NO };
  if (answers.hasLawyer) return conclude('hasLawyer', [31]);
  if (answers.group === undefined)
    return { kind: 'question', id: 'group', options: groupsFor(matter) };
  if (answers.group !== 'none') return conclude('exemptFromReview', [31, 42]);
  if (answers.hardship === undefined) return { kind: 'question', id: 'hardship', options: YES_NO };
  return answers.hardship ? conclude('meansTested', [31, 41]) : conclude('notInHardship', [31]);
}

/** Records an answer (the option string the viewer picked) and drops what depended on a change. */
export function answer(answers: Answers, id: QuestionId, option: string): Answers {
  switch (id) {
    case 'matter':
      return (MATTERS as readonly string[]).includes(option)
        ? { matter: option as Matter }
        : answers;
    case 'hasLawyer':
      return { matter: answers.matter, hasLawyer: option === 'yes' } as Answers;
    case 'group':
      return (GROUPS as readonly string[]).includes(option)
        ? ({
            matter: answers.matter,
            hasLawyer: answers.hasLawyer,
            group: option as Group,
          } as Answers)
        : answers;
    case 'hardship':
      return { ...answers, hardship: option === 'yes' };
  }
}

/** The topic a callback request from the conclusion is filed under. */
export function categoryOf(matter: Matter | undefined): CaseCategory {
  switch (matter) {
    case 'wages':
      return 'wage_arrears';
    case 'support':
    case 'domesticViolence':
      return 'marriage_family';
    case 'injury':
      return 'work_injury';
    case 'environment':
      return 'grassland_land';
    case 'socialInsurance':
    case 'stateCompensation':
    case 'samaritan':
    case 'other':
    case undefined:
      return 'other';
  }
}
