import { describe, expect, it } from 'vitest';
import { buildFeedback } from './build-feedback';

const context = {
  deviceId: 'kiosk-test-01',
  stationId: 'station-test',
  now: new Date('2026-12-03T08:00:00Z'),
};

describe('buildFeedback', () => {
  it('records faces, tags and the service, and nothing about the person', () => {
    const good = buildFeedback(
      { rating: 4, tags: ['kind', 'fast'], service: 'calculators', language: 'mn-Mong' },
      context,
    );
    if (!good.ok) throw new Error(good.error);
    expect(good.value).toMatchObject({
      rating: 4,
      tags: ['fast', 'kind'],
      service: 'calculators',
      source: 'kiosk',
      stationId: 'station-test',
      deviceId: 'kiosk-test-01',
      comment: '',
      language: 'mn-Mong',
    });
    expect(Object.keys(good.value)).not.toEqual(
      expect.arrayContaining(['name', 'phone', 'idNumber']),
    );
  });

  it('ties the rating to the case when there is one', () => {
    const result = buildFeedback(
      {
        rating: 2,
        tags: ['slow'],
        service: 'track',
        trackingCode: 'K7QM3HXP9TD',
        language: 'zh-Hans',
      },
      context,
    );
    expect(result.ok && result.value.trackingCode).toBe('K7QM3HXP9TD');
  });

  it('refuses a service id the schema does not allow', () => {
    const result = buildFeedback(
      { rating: 5, tags: [], service: 'Calc-1', language: 'zh-Hans' },
      context,
    );
    expect(result.ok).toBe(false);
  });
});
