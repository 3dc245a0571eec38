import { describe, expect, it } from 'vitest';
import {
  asDeviceId,
  asHouseholdId,
  createTrackingCodeGenerator,
  deviceTagFor,
  lookupVerifier,
} from '@pls/shared/domain';
import { buildQuestion, type AskInput } from './question';

const now = new Date('2026-12-01T10:00:00Z');
const input = (over: Partial<AskInput> = {}): AskInput => ({
  deviceId: asDeviceId('tv-household-sample-1'),
  householdId: asHouseholdId('household-sample-1'),
  trackingCode: createTrackingCodeGenerator(deviceTagFor(3)).next(now).code,
  language: 'mn-Mong',
  category: 'grassland_land',
  text: '',
  fallbackText: 'ᠬᠠᠷᠢᠭᠤ',
  phone: '138 0000 1234',
  now,
  ...over,
});

describe('buildQuestion', () => {
  it('makes a valid household question with the typed phone and its lookup verifier', async () => {
    const result = await buildQuestion(input());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const q = result.value;
    expect(q).toMatchObject({
      source: 'tv',
      householdId: 'household-sample-1',
      category: 'grassland_land',
      text: 'ᠬᠠᠷᠢᠭᠤ',
      wantsCallback: true,
      contact: { phone: '13800001234' },
    });
    expect(q.lookupVerifier).toBe(await lookupVerifier(q.trackingCode, '1234'));
  });

  it('keeps the viewer’s own words when given', async () => {
    const result = await buildQuestion(input({ text: '  草场被占  ', language: 'zh-Hans' }));
    expect(result.ok && result.value.text).toBe('草场被占');
  });

  it('refuses a phone that is empty or not a phone number', async () => {
    expect(await buildQuestion(input({ phone: '' }))).toEqual({
      ok: false,
      error: { kind: 'phone', error: { kind: 'empty' } },
    });
    const short = await buildQuestion(input({ phone: '13800' }));
    expect(short).toEqual({
      ok: false,
      error: { kind: 'phone', error: { kind: 'format', digits: '13800' } },
    });
  });

  it('refuses a document the schema refuses (a household id that is not a slug)', async () => {
    const result = await buildQuestion(input({ householdId: asHouseholdId('Not A Slug') }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('invalid');
  });
});
