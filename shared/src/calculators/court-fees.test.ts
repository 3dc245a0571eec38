import { describe, expect, it } from 'vitest';
import {
  courtFee,
  courtFeeFromForm,
  propertyCaseFee,
  type CourtFeeInput,
  type CourtFeeResult,
} from './court-fees';
import { yuanToFen } from './money';

const yuan = yuanToFen;
const base: CourtFeeInput = {
  kind: 'property',
  amount: 0,
  procedure: 'ordinary',
  relief: 'none',
  naturalPerson: true,
};
const fee = (amountYuan: number) => propertyCaseFee(yuan(amountYuan)).fee;
const ranged = (r: CourtFeeResult) => [r.total.min / 100, r.total.max / 100];

describe('《诉讼费用交纳办法》第十三条第（一）项 property cases, bracket by bracket', () => {
  it.each([
    // [claim in yuan, fee in yuan, which point (目) the claim ends in]
    [1, 50, '第1目: 不超过1万元的，每件交纳50元'],
    [10_000, 50, '第1目 upper bound'],
    [10_000.01, 50, '第2目 starts: 0.01 × 2.5% rounds to 0 fen'],
    [10_040, 51, '第2目: 40 × 2.5% = 1'],
    [50_000, 1_050, '第2目: 50 + 40,000 × 2.5%'],
    [100_000, 2_300, '第2目 upper bound: 50 + 90,000 × 2.5%'],
    [200_000, 4_300, '第3目 upper bound: + 100,000 × 2%'],
    [500_000, 8_800, '第4目 upper bound: + 300,000 × 1.5%'],
    [1_000_000, 13_800, '第5目 upper bound: + 500,000 × 1%'],
    [2_000_000, 22_800, '第6目 upper bound: + 1,000,000 × 0.9%'],
    [5_000_000, 46_800, '第7目 upper bound: + 3,000,000 × 0.8%'],
    [10_000_000, 81_800, '第8目 upper bound: + 5,000,000 × 0.7%'],
    [20_000_000, 141_800, '第9目 upper bound: + 10,000,000 × 0.6%'],
    [30_000_000, 191_800, '第10目: + 10,000,000 × 0.5%'],
  ])('claim %s 元 → %s 元 (%s)', (claim, expected) => {
    expect(fee(claim)).toBe(yuan(expected));
  });

  it('explains each bracket with its point (目) and the part of the claim in it', () => {
    const { steps } = propertyCaseFee(yuan(150_000));
    expect(steps.map((s) => [s.key, s.basis.point, s.amount?.min])).toEqual([
      ['services:courtFee.step.firstBracket', 1, yuan(50)],
      ['services:courtFee.step.bracket', 2, yuan(2_250)],
      ['services:courtFee.step.bracket', 3, yuan(1_000)],
    ]);
    expect(steps[2]?.values).toEqual({
      from: 100_000,
      to: 200_000,
      portion: 50_000,
      rate: 2,
      fee: 1_000,
    });
    expect(steps.every((s) => s.basis.law === 'courtFees' && s.basis.article === 13)).toBe(true);
  });
});

describe('《诉讼费用交纳办法》第十三条 other kinds of case', () => {
  it('第（二）项第1目 divorce: 50–300 元, property up to 20万 free, above it 0.5%', () => {
    expect(ranged(courtFee({ ...base, kind: 'divorce', amount: 0 }))).toEqual([50, 300]);
    expect(ranged(courtFee({ ...base, kind: 'divorce', amount: yuan(200_000) }))).toEqual([
      50, 300,
    ]);
    expect(ranged(courtFee({ ...base, kind: 'divorce', amount: yuan(300_000) }))).toEqual([
      550, 800,
    ]);
  });

  it('第（二）项第2目 personality rights: 100–500 元; damages 5万 free, 5–10万 1%, above 0.5%', () => {
    const kind = 'personality' as const;
    expect(ranged(courtFee({ ...base, kind, amount: yuan(50_000) }))).toEqual([100, 500]);
    expect(ranged(courtFee({ ...base, kind, amount: yuan(80_000) }))).toEqual([400, 800]);
    expect(ranged(courtFee({ ...base, kind, amount: yuan(100_000) }))).toEqual([600, 1_000]);
    expect(ranged(courtFee({ ...base, kind, amount: yuan(150_000) }))).toEqual([850, 1_250]);
  });

  it('第（二）项第3目 other non-property cases: 50–100 元', () => {
    expect(ranged(courtFee({ ...base, kind: 'otherNonProperty' }))).toEqual([50, 100]);
  });

  it('第（四）项 labour disputes: 10 元 a case', () => {
    const result = courtFee({ ...base, kind: 'labour' });
    expect(ranged(result)).toEqual([10, 10]);
    expect(result.steps[0]?.basis).toEqual({ law: 'courtFees', article: 13, item: 4 });
  });
});

describe('halving (第十五条, 第十六条)', () => {
  it('第十六条 simple procedure halves: 100万 claim 13,800 → 6,900', () => {
    const result = courtFee({ ...base, amount: yuan(1_000_000), procedure: 'simple' });
    expect(ranged(result)).toEqual([6_900, 6_900]);
    expect(result.steps.at(-1)?.basis.article).toBe(16);
  });

  it('第十五条 mediation or withdrawal halves; an odd fen rounds up', () => {
    const result = courtFee({ ...base, amount: yuan(10_040.2), procedure: 'mediatedOrWithdrawn' });
    // 50 + 40.2 × 2.5% = 51.005 → 51.01 (half up) → half = 25.505 → 25.51
    expect(result.fee.max).toBe(2_551);
    expect(result.steps.at(-1)?.basis.article).toBe(15);
  });
});

describe('司法救助 (第四十四—四十七条)', () => {
  const claim = { ...base, amount: yuan(100_000) }; // fee 2,300

  it('第四十五条第（二）项 a claim for support (赡养费) is exempted: nothing to pay', () => {
    const result = courtFee({ ...claim, relief: 'supportClaim' });
    expect(result.fee.max).toBe(yuan(2_300));
    expect(result.total).toEqual({ min: 0, max: 0 });
    expect(result.relief).toEqual({
      outcome: 'exempt',
      payable: { min: 0, max: 0 },
      basis: { law: 'courtFees', article: 45, item: 2 },
    });
  });

  it('第四十六条 a reduction is at least 30%: at most 70% (1,610 of 2,300) remains', () => {
    const result = courtFee({ ...claim, relief: 'disasterHardship' });
    expect(result.relief?.outcome).toBe('reduce');
    expect(ranged(result)).toEqual([0, 1_610]);
  });

  it('第四十七条第（三）项 a legal-aid recipient may defer: the whole fee, later', () => {
    const result = courtFee({ ...claim, relief: 'legalAidRecipient' });
    expect(result.relief?.outcome).toBe('defer');
    expect(ranged(result)).toEqual([2_300, 2_300]);
  });

  it('第四十四条第二款 exemption only for natural persons: an organisation gets a reduction', () => {
    const result = courtFee({ ...claim, relief: 'minimumLiving', naturalPerson: false });
    expect(result.relief?.outcome).toBe('reduce');
  });
});

describe('courtFeeFromForm: bad input is a problem with a message key, never NaN', () => {
  const form = {
    kind: 'property' as const,
    procedure: 'ordinary' as const,
    relief: 'none' as const,
    naturalPerson: true,
  };
  it.each([
    ['', 'services:calc.error.empty'],
    ['abc', 'services:calc.error.notNumber'],
    ['1e6', 'services:calc.error.notNumber'],
    ['-100', 'services:calc.error.negative'],
    ['0', 'services:calc.error.zero'],
    ['12.345', 'services:calc.error.decimals'],
    ['100000000000.01', 'services:calc.error.tooLarge'],
    ['99999999999999999999999', 'services:calc.error.tooLarge'],
  ])('claim %j → %s', (amount, key) => {
    expect(courtFeeFromForm({ ...form, amount })).toEqual({
      ok: false,
      error: [{ field: 'amount', key }],
    });
  });

  it('reads full-width digits and thousands separators from the Chinese keyboard', () => {
    const result = courtFeeFromForm({ ...form, amount: '１,０００,０００' });
    expect(result.ok && result.value.total.max).toBe(yuan(13_800));
  });

  it('a labour dispute needs no amount; a divorce without property is fine empty', () => {
    expect(courtFeeFromForm({ ...form, kind: 'labour', amount: '' }).ok).toBe(true);
    expect(courtFeeFromForm({ ...form, kind: 'divorce', amount: '' }).ok).toBe(true);
  });
});
