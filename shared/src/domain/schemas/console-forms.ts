/**
 * Forms of the staff console. The browser checks a form with these before sending it and the
 * server checks the body with the same schema, so both refuse the same input for the same reason.
 */
import { compileSchema, type SchemaCheck, type ValidationIssue } from '../json-schema';
import type { Result } from '../result';
import {
  MISSING_MATERIALS,
  REFUSAL_REASONS,
  type MissingMaterial,
  type RefusalReason,
} from '../decision-codes';
import { REVOKE_REASONS, type RevokeReason } from '../vocabulary';

export const USER_ROLE_VALUES = ['admin', 'reviewer', 'station_staff'] as const;

const userName = { type: 'string', pattern: '^[\\p{L}\\p{N}._-]{2,40}$' } as const;
const password = { type: 'string', minLength: 10, maxLength: 200 } as const;
const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 } as const;
const stationName = { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' } as const;
/** 行政区划代码: province (2), league/city (4) or county (6) digits. */
const regionCode = { type: 'string', pattern: '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$' } as const;

export const CONSOLE_FORM_SCHEMAS = {
  login: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'password'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 40 },
      password: { type: 'string', minLength: 1, maxLength: 200 },
    },
  },
  changePassword: {
    type: 'object',
    additionalProperties: false,
    required: ['current', 'next'],
    properties: { current: { type: 'string', minLength: 1, maxLength: 200 }, next: password },
  },
  addUser: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'role', 'password'],
    properties: {
      name: userName,
      role: { enum: USER_ROLE_VALUES },
      password,
      stationId: slug,
      regionCode: { type: 'string', pattern: '^[0-9]{2,12}$' },
    },
    // Station staff belong to one station; a reviewer to one region (行政区划代码 prefix).
    allOf: [
      {
        if: { properties: { role: { const: 'station_staff' } } },
        then: { required: ['stationId'] },
      },
      { if: { properties: { role: { const: 'reviewer' } } }, then: { required: ['regionCode'] } },
    ],
  },
  resetPassword: {
    type: 'object',
    additionalProperties: false,
    required: ['password'],
    properties: { password },
  },
  setDisabled: {
    type: 'object',
    additionalProperties: false,
    required: ['disabled'],
    properties: { disabled: { type: 'boolean' } },
  },
  caseStatus: {
    type: 'object',
    additionalProperties: false,
    required: ['status', 'expectedStatus'],
    properties: {
      status: { type: 'string', pattern: '^[a-z_]{2,30}$' },
      expectedStatus: { type: 'string', pattern: '^[a-z_]{2,30}$' },
      reason: { type: 'string', maxLength: 2000 },
      language: { enum: ['zh-Hans', 'mn-Mong'] },
      refusalReasons: {
        type: 'array',
        uniqueItems: true,
        maxItems: REFUSAL_REASONS.length,
        items: { enum: REFUSAL_REASONS },
      },
      missingMaterials: {
        type: 'array',
        uniqueItems: true,
        maxItems: MISSING_MATERIALS.length,
        items: { enum: MISSING_MATERIALS },
      },
    },
  },
  /** 第四十三条: grant and assign a lawyer from the directory (or assign after 先行提供). */
  approveAndAssign: {
    type: 'object',
    additionalProperties: false,
    required: ['lawyerId', 'expectedStatus'],
    properties: {
      lawyerId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' },
      expectedStatus: { type: 'string', pattern: '^[a-z_]{2,30}$' },
    },
  },
  answer: {
    type: 'object',
    additionalProperties: false,
    required: ['text', 'language', 'expectedStatus'],
    properties: {
      text: { type: 'string', minLength: 1, maxLength: 5000 },
      language: { enum: ['zh-Hans', 'mn-Mong'] },
      expectedStatus: { type: 'string', pattern: '^[a-z_]{2,30}$' },
    },
  },
  handOver: {
    type: 'object',
    additionalProperties: false,
    required: ['toUserId', 'note'],
    properties: {
      toUserId: { type: 'string', minLength: 1, maxLength: 64 },
      note: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' },
    },
  },
  // The device fleet (console fleet pages and the same checks on the server).
  addStation: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'regionCode'],
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 3, maxLength: 64 },
      name: stationName,
      regionCode,
    },
  },
  editStation: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { name: stationName, regionCode },
  },
  enrollCode: {
    type: 'object',
    additionalProperties: false,
    required: ['kind'],
    properties: {
      kind: { enum: ['kiosk', 'tv'] },
      stationId: slug,
      householdId: {
        type: 'string',
        pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
        minLength: 3,
        maxLength: 64,
      },
      regionCode,
      ttlHours: { type: 'integer', minimum: 1, maximum: 720 },
    },
    allOf: [
      { if: { properties: { kind: { const: 'kiosk' } } }, then: { required: ['stationId'] } },
      { if: { properties: { kind: { const: 'tv' } } }, then: { required: ['householdId'] } },
    ],
  },
  revokeDevice: {
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: { reason: { enum: REVOKE_REASONS } },
  },
} as const;

export type ConsoleFormName = keyof typeof CONSOLE_FORM_SCHEMAS;

export interface LoginForm {
  readonly name: string;
  readonly password: string;
}
export interface ChangePasswordForm {
  readonly current: string;
  readonly next: string;
}
export interface AddUserForm {
  readonly name: string;
  readonly role: (typeof USER_ROLE_VALUES)[number];
  readonly password: string;
  readonly stationId?: string;
  readonly regionCode?: string;
}
export interface ResetPasswordForm {
  readonly password: string;
}
export interface SetDisabledForm {
  readonly disabled: boolean;
}

export interface CaseStatusForm {
  readonly status: string;
  readonly expectedStatus: string;
  readonly reason?: string;
  readonly language?: 'zh-Hans' | 'mn-Mong';
  readonly refusalReasons?: readonly RefusalReason[];
  readonly missingMaterials?: readonly MissingMaterial[];
}

export interface ApproveAndAssignForm {
  readonly lawyerId: string;
  readonly expectedStatus: string;
}

export interface AnswerForm {
  readonly text: string;
  readonly language: 'zh-Hans' | 'mn-Mong';
  readonly expectedStatus: string;
}

export interface HandOverForm {
  readonly toUserId: string;
  readonly note: string;
}

export interface AddStationForm {
  readonly id: string;
  readonly name: string;
  readonly regionCode: string;
}
export interface EditStationForm {
  readonly name?: string;
  readonly regionCode?: string;
}
export interface EnrollCodeForm {
  readonly kind: 'kiosk' | 'tv';
  readonly stationId?: string;
  readonly householdId?: string;
  readonly regionCode?: string;
  readonly ttlHours?: number;
}
export interface RevokeDeviceForm {
  readonly reason: RevokeReason;
}

export interface ConsoleForms {
  addStation: AddStationForm;
  editStation: EditStationForm;
  enrollCode: EnrollCodeForm;
  revokeDevice: RevokeDeviceForm;
  handOver: HandOverForm;
  answer: AnswerForm;
  caseStatus: CaseStatusForm;
  approveAndAssign: ApproveAndAssignForm;
  login: LoginForm;
  changePassword: ChangePasswordForm;
  addUser: AddUserForm;
  resetPassword: ResetPasswordForm;
  setDisabled: SetDisabledForm;
}

let formChecks: Map<ConsoleFormName, SchemaCheck<unknown>> | undefined;

/**
 * Checks a console form (browser before sending, server on the body) with one schema. The
 * issues name the field (`/password`), so the form marks it and says why in the user's language.
 */
export function validateForm<F extends ConsoleFormName>(
  form: F,
  value: unknown,
): Result<ConsoleForms[F], readonly ValidationIssue[]> {
  if (!formChecks) {
    formChecks = new Map();
    for (const [name, schema] of Object.entries(CONSOLE_FORM_SCHEMAS))
      formChecks.set(name as ConsoleFormName, compileSchema(schema));
  }
  const checked = formChecks.get(form)!(value);
  if (checked.ok) return checked as Result<ConsoleForms[F], readonly ValidationIssue[]>;
  // if/then adds a summary issue at the root beside the field's own: keep the fields'.
  const fields = checked.error.filter((issue) => issue.path !== '');
  return { ok: false, error: fields.length > 0 ? fields : checked.error };
}
