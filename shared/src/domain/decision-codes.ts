/**
 * Codes of what a legal-aid decision says, so the resident's device shows it in the resident's
 * language (labels in locales/<lang>/domain.json, `refusalReason.*` and `missingMaterial.*`),
 * whatever language the staff member typed any free text in. The legal ground of each code is
 * cited beside it (《中华人民共和国法律援助法》, text in the content pack).
 */
import type { TrackingCode } from './ids';
import type { LocalizedText } from './localized-text';
import type { CaseCategory, Language } from './vocabulary';

/** Why legal aid is refused (第四十三条: 决定不给予法律援助的……说明理由). */
export const REFUSAL_REASONS = [
  'not_hardship', // 经济困难状况不符合标准 — 第三十四条（标准由自治区确定）、第四十一条（核查）
  'outside_scope', // 申请事项不属于法律援助事项范围 — 第三十一条
  'not_jurisdiction', // 应向办案机关或争议处理机关所在地的机构申请 — 第三十八条
  'other', // 其他理由：见说明
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** What the applicant must still bring, asked once and all together (第四十三条第二款). */
export const MISSING_MATERIALS = [
  'id_document', // 身份证件 (a 申请材料 of 第四十三条第二款)
  'hardship_statement', // 经济困难状况说明或个人诚信承诺 — 第四十一条
  'exemption_proof', // 属于免予核查人员的证明材料 — 第四十二条
  'case_evidence', // 与申请事项有关的证明材料 — 第四十三条第二款
  'labor_relation_proof', // 劳动合同、工资欠条等 — 第三十一条第（五）项
  'injury_certificate', // 工伤认定书、诊断证明等 — 第三十一条第（七）项
] as const;
export type MissingMaterial = (typeof MISSING_MATERIALS)[number];

/** Days of the law's time limits, with their articles. */
export const LEGAL_AID_LIMIT_DAYS = {
  /** 第四十三条: 自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定. */
  decision: 7,
  /** 第四十三条: 决定给予法律援助的，应当自作出决定之日起三日内指派法律援助人员. */
  assignment: 3,
  /** 第四十九条: 司法行政部门应当自收到异议之日起五日内进行审查. */
  objection: 5,
  /** 第四十四条: 距法定时效或者期限届满不足七日 — a ground for aid first. */
  urgentWindow: 7,
} as const;

/** Which code list a status's decision takes its reasons from (none for the others). */
export function reasonCodesFor(status: string): readonly string[] {
  if (status === 'rejected') return REFUSAL_REASONS;
  if (status === 'needs_materials') return MISSING_MATERIALS;
  return [];
}

/** What a 给予/不予法律援助决定书 says (法律援助法 第四十三条). */
export interface DecisionLetterContent {
  readonly decision: 'granted' | 'refused';
  readonly trackingCode: TrackingCode;
  /** The center's reference (文号). */
  readonly centerReference: string;
  readonly applicantName: string;
  readonly caseCategory: CaseCategory;
  /** Receipt by the center (the law's date), ISO. */
  readonly receivedAt: string;
  readonly decidedAt: string;
  /** The resident's language: Mongolian letters carry both languages. */
  readonly language: Language;
  readonly centerName: LocalizedText;
  readonly lawyer?: {
    readonly displayName: LocalizedText;
    readonly phone?: string;
    /** A made-up directory entry: the letter says so. */
    readonly sample: boolean;
  };
  readonly refusalReasons: readonly RefusalReason[];
  readonly reasonText?: string;
}
