/**
 * Closed vocabularies of the domain. Labels live in locales/ (namespace `domain`), keyed by
 * these values, so both languages stay in one place and the tests can check coverage.
 */
export const LANGUAGES = ['zh-Hans', 'mn-Mong'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CASE_CATEGORIES = [
  'wage_arrears',
  'work_injury',
  'marriage_family',
  'elderly_support',
  'grassland_land',
  'traffic_accident',
  'consumer',
  'criminal_defence',
  'other',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/**
 * Grounds offered for legal aid. All but `means_test` are exemptions from the review of
 * financial hardship under 法律援助法 第四十二条 (the 低保/特困 cases are 社会救助 recipients,
 * item 2); `means_test` means the applicant declares hardship and is reviewed normally
 * (第四十一条).
 */
export const HARDSHIP_BASES = [
  'dibao', // 最低生活保障对象 (社会救助) — art. 42(2)
  'tekun', // 特困供养人员 (社会救助) — art. 42(2)
  'special_group', // 无固定生活来源的未成年人、老年人、残疾人等特定群体 — art. 42(1)
  'judicial_aid_or_special_care', // 司法救助或者优抚对象 — art. 42(2)
  'migrant_worker_wage_or_injury', // 申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员 — art. 42(3)
  'other_exemption', // 法律、法规、规章规定的其他人员 — art. 42(4)
  'means_test', // no exemption: declares financial hardship, reviewed under art. 41
] as const;
export type HardshipBasis = (typeof HARDSHIP_BASES)[number];

export const IDENTITY_SOURCES = ['reader', 'ocr', 'manual_staff'] as const;
export type IdentitySource = (typeof IDENTITY_SOURCES)[number];

export const SEXES = ['male', 'female', 'unknown'] as const;

export const DEVICE_KINDS = ['kiosk', 'tv'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Why the center revoked a device; the console and the device say it in their language. */
export const REVOKE_REASONS = ['lost', 'stolen', 'replaced', 'retired', 'misuse'] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

export const CONTENT_KINDS = [
  'law_article',
  'faq',
  'case_story',
  'template',
  'program',
  'notice',
  'guide',
] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const DIRECTORY_KINDS = [
  'center',
  'station',
  'lawyer',
  'mediator',
  'notary',
  'hotline',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export const REVIEW_STATUSES = ['missing', 'draft', 'reviewed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
