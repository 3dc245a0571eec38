import { describe, expect, it } from 'vitest';
import { makeSampleIdNumber } from '@pls/shared/domain';
import {
  checkField,
  checkTemplate,
  fillTemplate,
  LEGAL_TEMPLATES,
  parseYuan,
} from './legal-templates';

const TODAY = '2026-12-04';
const byId = (id: string) => LEGAL_TEMPLATES.find((t) => t.id === id)!;
const field = (name: string) => byId('labour-arbitration').fields.find((f) => f.name === name)!;

describe('template fields', () => {
  it('reads money in fen, refusing anything that is not an amount', () => {
    expect(parseYuan('3500')).toBe(350_000);
    expect(parseYuan('3500.5')).toBe(350_050);
    expect(parseYuan('0.05')).toBe(5);
    for (const bad of ['', '-1', '3,500', '1e5', '3500.123', 'abc'])
      expect(parseYuan(bad)).toBeUndefined();
    expect(checkField(field('owed'), '0', TODAY)).toBe('money');
    expect(checkField(field('owed'), '2000000000', TODAY)).toBe('moneyTooLarge');
  });

  it('checks ID numbers by their check digit, phones, dates and required fields', () => {
    const id = makeSampleIdNumber('152502', '1972-08-19', 924);
    expect(checkField(field('idNumber'), id, TODAY)).toBeUndefined();
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    expect(checkField(field('idNumber'), wrong, TODAY)).toBe('idNumber');
    expect(checkField(field('phone'), '12345', TODAY)).toBe('phone');
    expect(checkField(field('startDate'), '2027-01-01', TODAY)).toBe('futureDate');
    expect(checkField(field('startDate'), '2026-02-30', TODAY)).toBe('date');
    expect(checkField(field('startDate'), '', TODAY)).toBeUndefined();
    expect(checkField(field('startDate'), '20260301', TODAY)).toBeUndefined();
    expect(checkField(field('name'), '  ', TODAY)).toBe('required');
  });

  it('every template names its legal basis and marks it unverified until checked', () => {
    for (const template of LEGAL_TEMPLATES) {
      expect(template.basis.length).toBeGreaterThan(0);
      const text = JSON.stringify(template.body({}));
      expect(text).toContain('格式依据');
      for (const b of template.basis) expect(text).toContain(`《${b.law}》${b.article}`);
      if (template.basis.some((b) => !b.verified)) expect(text).toContain('未核对官方文本');
    }
  });
});

describe('a filled template', () => {
  it('writes the entered data into the document, money with two decimals', () => {
    const template = byId('wage-lawsuit');
    const values = {
      name: '巴特尔',
      idNumber: makeSampleIdNumber('152502', '1980-03-01', 17),
      address: '锡林浩特市白音锡勒',
      phone: '13904790000',
      employer: '示例建筑工程有限公司',
      owed: '12000',
      facts: '2026年5月至7月的工资一直未付。',
    };
    expect(checkTemplate(template, values, TODAY)).toEqual({});
    const text = JSON.stringify(fillTemplate(template, values));
    expect(text).toContain('判令被告支付原告劳动报酬12000.00元');
    expect(text).toContain('示例建筑工程有限公司');
    expect(text).toContain(values.idNumber);
    expect(checkTemplate(template, { ...values, employer: '' }, TODAY)).toEqual({
      employer: 'required',
    });
  });
});
