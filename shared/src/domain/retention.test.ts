import { describe, expect, it } from 'vitest';
import { isPurgeDue, purgeDueAt } from './retention';

describe('retention', () => {
  const receivedAt = '2026-11-20T02:00:00.000Z';

  it('never purges a case the center has not acknowledged', () => {
    expect(
      isPurgeDue(
        { receivedAt: undefined, retentionDays: 0, piiPurgedAt: undefined },
        new Date('2030-01-01'),
      ),
    ).toBe(false);
  });

  it('purges once the window after the receipt has passed, not before', () => {
    const input = { receivedAt, retentionDays: 7, piiPurgedAt: undefined };
    expect(purgeDueAt(receivedAt, 7).toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(isPurgeDue(input, new Date('2026-11-27T01:59:59.999Z'))).toBe(false);
    expect(isPurgeDue(input, new Date('2026-11-27T02:00:00.000Z'))).toBe(true);
  });

  it('purges at once with a zero-day window, and leaves purged documents alone', () => {
    expect(
      isPurgeDue({ receivedAt, retentionDays: 0, piiPurgedAt: undefined }, new Date(receivedAt)),
    ).toBe(true);
    expect(
      isPurgeDue({ receivedAt, retentionDays: 0, piiPurgedAt: receivedAt }, new Date('2027-01-01')),
    ).toBe(false);
  });

  it('does not purge on an unreadable receipt time', () => {
    expect(
      isPurgeDue({ receivedAt: 'garbage', retentionDays: 0, piiPurgedAt: undefined }, new Date()),
    ).toBe(false);
  });
});
