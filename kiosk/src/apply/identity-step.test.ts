import { describe, expect, it } from 'vitest';
import type { OcrIdCardResult } from '@pls/shared/protocol';
import { ocrVerified } from './identity-step';

const accepted: OcrIdCardResult = {
  name: '巴特尔',
  idNumber: {
    status: 'accepted',
    idNumber: '152502196104129139',
    birthDate: '1961-04-12',
    sex: 'male',
  },
  printedBirthDate: '1961-04-12',
  durationMs: 400,
};

describe('OCR identity without staff', () => {
  it('is trusted only when the number was accepted, the name read, and the printed date agrees', () => {
    expect(ocrVerified(accepted)).toBe(true);
    expect(ocrVerified({ ...accepted, printedBirthDate: null })).toBe(true);
    expect(ocrVerified({ ...accepted, name: null })).toBe(false);
    expect(ocrVerified({ ...accepted, name: '  ' })).toBe(false);
    expect(ocrVerified({ ...accepted, printedBirthDate: '1961-04-13' })).toBe(false);
    expect(
      ocrVerified({
        ...accepted,
        idNumber: { status: 'needsConfirmation', text: '15250219610412913X', reason: 'checkDigit' },
      }),
    ).toBe(false);
  });
});
