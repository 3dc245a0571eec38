/**
 * Realistic documents of every collection, for tests in every package. The people are made up;
 * their ID numbers are generated with valid check characters (never a real person's number).
 */
import {
  createTrackingCodeGenerator,
  deviceTagFor,
  makeSampleIdNumber,
  newDocumentId,
  type Application,
  type Appointment,
  type CaseUpdate,
  type CollectionName,
  type Content,
  type DeviceConfig,
  type DirectoryEntry,
  type DocumentTypes,
  type Feedback,
  type Question,
  type TrackingCode,
} from '../domain/index';

const NOW = '2026-11-20T09:30:00.000Z';

type PlainIdField = 'deviceId' | 'stationId' | 'householdId';
/** A document as tests write it: devices, stations and households named by plain strings. */
export type SampleOverrides<T> = {
  readonly [K in keyof T]?: K extends PlainIdField ? string | Extract<T[K], undefined> : T[K];
};
/**
 * Sample data is trusted (the schema test validates every builder's output), so its plain id
 * strings take their brands here instead of at a parse.
 */
function branded<T>(doc: {
  readonly [K in keyof T]: K extends PlainIdField ? string | Extract<T[K], undefined> : T[K];
}): T {
  return doc as unknown as T;
}

let deviceSequence = 0;
const generators = new Map<string, ReturnType<typeof createTrackingCodeGenerator>>();

/** A tracking code as device `deviceId` would make it (one generator per device id). */
export function sampleTrackingCode(deviceId = 'kiosk-xilinhot-01'): TrackingCode {
  let generator = generators.get(deviceId);
  if (!generator) {
    generator = createTrackingCodeGenerator(deviceTagFor(deviceSequence++));
    generators.set(deviceId, generator);
  }
  return generator.next(new Date(NOW)).code;
}

/** sha256 of "<code>:<last4>" is async to compute; tests that need a matching one compute it. */
const PLACEHOLDER_VERIFIER = '0'.repeat(64);

export function sampleApplication(overrides: SampleOverrides<Application> = {}): Application {
  const deviceId = overrides.deviceId ?? 'kiosk-xilinhot-01';
  return branded<Application>({
    id: newDocumentId(),
    schemaVersion: 0,
    createdAt: NOW,
    updatedAt: NOW,
    submittedAt: NOW,
    deviceId,
    stationId: 'station-xilinhot-baiyinxile',
    trackingCode: sampleTrackingCode(deviceId),
    language: 'mn-Mong',
    applicant: {
      name: '巴特尔',
      sex: 'male',
      nationCode: '02',
      birthDate: '1961-04-12',
      idNumber: makeSampleIdNumber('152502', '1961-04-12', 913),
      address: '内蒙古自治区锡林郭勒盟锡林浩特市白音锡勒牧场三分场',
      phone: '13904790000',
    },
    identitySource: 'reader',
    identityConfirmedByStaff: false,
    caseCategory: 'wage_arrears',
    hardshipBases: ['migrant_worker_wage_or_injury'],
    description: '在旗里工地干了四个月，老板欠工资一万二千元，一直不给。',
    descriptionByStaff: false,
    attachments: [],
    consent: { textVersion: 'pipl-consent-v1', acceptedAt: NOW, language: 'mn-Mong' },
    lookupVerifier: PLACEHOLDER_VERIFIER,
    ...overrides,
  });
}

export function sampleQuestion(overrides: SampleOverrides<Question> = {}): Question {
  const deviceId = overrides.deviceId ?? 'tv-household-0001';
  return branded<Question>({
    id: newDocumentId(),
    schemaVersion: 0,
    createdAt: NOW,
    updatedAt: NOW,
    submittedAt: NOW,
    deviceId,
    source: 'tv',
    householdId: 'household-0001',
    trackingCode: sampleTrackingCode(deviceId),
    language: 'zh-Hans',
    category: 'grassland_land',
    text: '邻居把网围栏往我家草场里挪了五十米，我该找谁？',
    wantsCallback: true,
    contact: { name: '其其格', phone: '15847900000' },
    ...overrides,
  });
}

export function sampleAppointment(overrides: SampleOverrides<Appointment> = {}): Appointment {
  const deviceId = overrides.deviceId ?? 'kiosk-xilinhot-01';
  return branded<Appointment>({
    id: newDocumentId(),
    schemaVersion: 0,
    createdAt: NOW,
    updatedAt: NOW,
    submittedAt: NOW,
    deviceId,
    stationId: 'station-xilinhot-baiyinxile',
    trackingCode: sampleTrackingCode(deviceId),
    language: 'zh-Hans',
    mode: 'video',
    preferredDate: '2026-11-25',
    preferredPeriod: 'morning',
    caseCategory: 'marriage_family',
    note: '',
    contact: { name: '萨仁', phone: '13847900000' },
    ...overrides,
  });
}

export function sampleFeedback(overrides: SampleOverrides<Feedback> = {}): Feedback {
  return branded<Feedback>({
    id: newDocumentId(),
    schemaVersion: 0,
    createdAt: NOW,
    updatedAt: NOW,
    deviceId: 'kiosk-xilinhot-01',
    source: 'kiosk',
    stationId: 'station-xilinhot-baiyinxile',
    rating: 5,
    tags: ['clear', 'kind'],
    comment: '',
    service: 'apply',
    language: 'mn-Mong',
    ...overrides,
  });
}

export function sampleCaseUpdate(overrides: SampleOverrides<CaseUpdate> = {}): CaseUpdate {
  return branded<CaseUpdate>({
    id: newDocumentId(),
    schemaVersion: 0,
    createdAt: NOW,
    updatedAt: NOW,
    kind: 'received',
    caseKind: 'applications',
    caseId: 'app-0001',
    trackingCode: sampleTrackingCode(),
    deviceId: 'kiosk-xilinhot-01',
    stationId: 'station-xilinhot-baiyinxile',
    status: 'received',
    centerReference: 'XLGL-2026-000123',
    serverTime: NOW,
    ...overrides,
  });
}

export function sampleContent(overrides: Partial<Content> = {}): Content {
  return {
    id: 'faq-wage-arrears-where',
    schemaVersion: 0,
    createdAt: NOW,
    updatedAt: NOW,
    kind: 'faq',
    regionCode: '15',
    audiences: ['kiosk', 'tv'],
    title: { zh: '老板拖欠工资，可以申请法律援助吗？', mn: 'ᠴᠠᠯᠠᠩ', mnStatus: 'draft' },
    summary: {
      zh: '进城务工人员讨要工资，可以申请法律援助，不用审查经济困难。',
      mn: '',
      mnStatus: 'missing',
    },
    body: { zh: '可以。', mn: '', mnStatus: 'missing' },
    categories: ['wage_arrears'],
    tags: ['讨薪', '欠薪'],
    basis: ['law-legal-aid-law-42'],
    media: [],
    order: 1,
    contentRevision: 1,
    publishedAt: NOW,
    withdrawn: false,
    sample: false,
    ...overrides,
  };
}

export function sampleDirectoryEntry(
  overrides: SampleOverrides<DirectoryEntry> = {},
): DirectoryEntry {
  return branded<DirectoryEntry>({
    id: 'station-xilinhot-baiyinxile',
    schemaVersion: 0,
    createdAt: NOW,
    updatedAt: NOW,
    kind: 'station',
    name: { zh: '白音锡勒公共法律服务工作站（示例）', mn: '', mnStatus: 'missing' },
    regionCode: '152502',
    stationId: 'station-xilinhot-baiyinxile',
    phone: '12348',
    languages: ['zh-Hans', 'mn-Mong'],
    specialties: [],
    order: 1,
    withdrawn: false,
    sample: true,
    ...overrides,
  });
}

export function sampleDeviceConfig(overrides: SampleOverrides<DeviceConfig> = {}): DeviceConfig {
  return branded<DeviceConfig>({
    id: 'kiosk-xilinhot-01',
    schemaVersion: 0,
    createdAt: NOW,
    updatedAt: NOW,
    deviceId: 'kiosk-xilinhot-01',
    kind: 'kiosk',
    stationId: 'station-xilinhot-baiyinxile',
    regionCode: '152502',
    deviceTag: deviceTagFor(0),
    defaultLanguage: 'mn-Mong',
    idleTimeoutSeconds: 120,
    idleWarningSeconds: 20,
    printers: { receiptWidth: '80mm', a4Enabled: true },
    features: ['apply', 'ask', 'track', 'book', 'read', 'feedback'],
    retentionDays: 7,
    voiceEnabled: true,
    ...overrides,
  });
}

export const SAMPLE_BUILDERS: { [C in CollectionName]: () => DocumentTypes[C] } = {
  applications: () => sampleApplication(),
  questions: () => sampleQuestion(),
  appointments: () => sampleAppointment(),
  feedback: () => sampleFeedback(),
  case_updates: () => sampleCaseUpdate(),
  content: () => sampleContent(),
  directory: () => sampleDirectoryEntry(),
  device_config: () => sampleDeviceConfig(),
};
