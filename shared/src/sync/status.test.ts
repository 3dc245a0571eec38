import { describe, expect, it } from 'vitest';
import type { HttpFailure } from './sync-http';
import { computeStatus, type StatusInputs } from './status';

const base: StatusInputs = {
  online: true,
  failures: new Map(),
  active: false,
  initialDone: true,
  rejectedCount: 0,
  lastSyncedAt: '2026-11-23T08:00:00.000Z',
  retryAt: 0,
};

describe('computeStatus', () => {
  it('is up to date with the time of the last success when idle and clean', () => {
    expect(computeStatus(base)).toEqual({ kind: 'upToDate', lastSyncedAt: base.lastSyncedAt });
  });

  it('says offline before anything else when the device has no network', () => {
    const failures = new Map<string, HttpFailure>([
      ['pull:content', { kind: 'unreachable', message: 'x' }],
    ]);
    expect(computeStatus({ ...base, online: false, failures, active: true })).toEqual({
      kind: 'offline',
      lastSyncedAt: base.lastSyncedAt,
    });
  });

  it('carries why the center revoked the device, as a code for the staff screen', () => {
    const failures = new Map<string, HttpFailure>([
      ['pull:content', { kind: 'revoked', message: 'revoked (stolen)', revokeReason: 'stolen' }],
    ]);
    expect(computeStatus({ ...base, failures })).toMatchObject({
      kind: 'error',
      reason: 'revoked',
      revokeReason: 'stolen',
    });
  });

  it('names the worst failure, with the next retry', () => {
    const failures = new Map<string, HttpFailure>([
      ['pull:content', { kind: 'unreachable', message: 'connect ECONNREFUSED' }],
      ['push:applications', { kind: 'revoked', message: 'this device was revoked' }],
    ]);
    expect(
      computeStatus({
        ...base,
        failures,
        active: true,
        retryAt: Date.parse('2026-11-23T08:01:00Z'),
      }),
    ).toEqual({
      kind: 'error',
      reason: 'revoked',
      detail: 'this device was revoked',
      lastSyncedAt: base.lastSyncedAt,
      retryAt: '2026-11-23T08:01:00.000Z',
      rejectedCount: 0,
    });
    const unreachable = new Map<string, HttpFailure>([
      ['stream', { kind: 'unreachable', message: 'timeout' }],
    ]);
    expect(computeStatus({ ...base, failures: unreachable })).toMatchObject({
      kind: 'error',
      reason: 'unreachable',
    });
    const server = new Map<string, HttpFailure>([
      ['stream', { kind: 'server', status: 503, message: 'HTTP 503' }],
    ]);
    expect(computeStatus({ ...base, failures: server })).toMatchObject({
      kind: 'error',
      reason: 'server',
    });
  });

  it('is syncing while working or before the first round finished', () => {
    expect(computeStatus({ ...base, active: true })).toEqual({
      kind: 'syncing',
      lastSyncedAt: base.lastSyncedAt,
    });
    expect(computeStatus({ ...base, initialDone: false })).toMatchObject({ kind: 'syncing' });
    expect(computeStatus({ ...base, lastSyncedAt: null })).toEqual({
      kind: 'syncing',
      lastSyncedAt: null,
    });
  });

  it('reports refused documents once nothing else is going on', () => {
    expect(computeStatus({ ...base, rejectedCount: 2 })).toMatchObject({
      kind: 'error',
      reason: 'rejected',
      rejectedCount: 2,
    });
    expect(computeStatus({ ...base, rejectedCount: 2, active: true })).toMatchObject({
      kind: 'syncing',
    });
  });
});
