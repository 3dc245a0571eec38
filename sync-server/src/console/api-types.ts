/**
 * Wire types of the console API (`/console/api/*`). The console web app imports these as
 * types only, so the browser and the server cannot drift apart.
 */
import type { ValidationIssue } from '@pls/shared/domain';
import type { AuditRecord } from '../services/audit';
import type { Lawyer } from '../services/lawyers';

export const CONSOLE_ERROR_CODES = [
  'bad_request',
  'invalid_form',
  'unauthorized',
  'forbidden',
  'csrf_invalid',
  'not_found',
  'conflict',
  /** 首接负责制: another staff member holds the case. */
  'held',
  'rate_limited',
  'internal',
] as const;
export type ConsoleErrorCode = (typeof CONSOLE_ERROR_CODES)[number];

export interface ConsoleErrorBody {
  readonly error: {
    readonly code: ConsoleErrorCode;
    /** For logs and developers; the UI says the code's text from locales. */
    readonly message: string;
    /** For invalid_form: which fields and why (JSON pointers). */
    readonly issues?: readonly ValidationIssue[];
  };
}

export interface ConsoleUser {
  readonly id: string;
  readonly name: string;
  readonly role: 'admin' | 'reviewer' | 'station_staff';
  readonly stationId: string | null;
  readonly regionCode: string | null;
  readonly disabledAt: string | null;
  readonly createdAt: string;
}

export interface SessionInfo {
  readonly user: ConsoleUser | null;
  readonly csrfToken: string;
}

/** A directory lawyer as the case page offers it (with its open cases). */
export type LawyerItem = Lawyer;

/** An audit entry as the admin page reads it. */
export type AuditItem = AuditRecord;

export interface InboxItem {
  readonly caseKind: 'applications' | 'questions' | 'appointments';
  readonly trackingCode: string;
  readonly status: string;
  readonly stationId: string | null;
  /** Region of the case's station or household (行政区划代码). */
  readonly regionCode: string | null;
  readonly language: string | null;
  readonly category: string | null;
  readonly filedAt: string | null;
  readonly receivedAt: string;
  /**
   * Which limit runs (applications only): 第四十三条 decision within 7 days of receipt, or a
   * lawyer assigned within 3 days of approval; 第四十九条 an objection reviewed within 5 days.
   */
  readonly clock: 'decision' | 'assignment' | 'objection' | null;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  /** Waited on the device more than a day before the center got it: call the resident first. */
  readonly offlineFlag: boolean;
  /** 首接负责制: who holds the case (null until someone opens it). */
  readonly holderName: string | null;
}

export interface InboxPage {
  readonly items: readonly InboxItem[];
  readonly total: number;
  readonly countsByStatus: Readonly<Record<string, number>>;
}

export interface CaseDetail {
  readonly item: InboxItem;
  readonly centerReference: string;
  readonly deviceId: string;
  readonly holder: {
    readonly userId: string;
    readonly name: string;
    readonly since: string;
  } | null;
  /** The resident's document as received (applicant included for roles that may see it). */
  readonly document: Record<string, unknown> | null;
  readonly attachments: readonly { id: string; mimeType: string; size: number }[];
  readonly timeline: readonly {
    at: string;
    kind: string;
    status: string | null;
    staffName: string | null;
    /** The answer or reason the resident reads. */
    text: string | null;
    /** Refusal reasons or missing materials as codes (labelled in the reader's language). */
    codes: readonly string[];
    /** The lawyer assigned, for a provider_assigned update. */
    lawyer: { readonly zh: string; readonly mn: string; readonly mnStatus: string } | null;
  }[];
}

/** The fleet and dashboard pages read the services' own shapes (console/fleet-routes.ts). */
export type { CodeSummary, FleetDevice, IssuedCode, StationSummary } from '../services/fleet';
export type { Count, Dashboard } from '../services/dashboard';
