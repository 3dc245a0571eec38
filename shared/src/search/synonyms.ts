/**
 * How residents say it → how the content says it. A query containing a colloquial phrase also
 * looks for the formal terms, at a lower weight than the words actually typed. Kept short and
 * specific: every entry is a phrase heard at stations, mapped to the wording of the laws and
 * FAQ.
 */
export const COLLOQUIAL_SYNONYMS: readonly (readonly [string, readonly string[]])[] = [
  ['讨薪', ['拖欠工资', '劳动报酬']],
  ['要工资', ['拖欠工资', '劳动报酬']],
  ['工钱', ['工资', '劳动报酬']],
  ['不给工资', ['拖欠工资', '劳动报酬']],
  ['不给钱', ['拖欠', '支付']],
  ['欠薪', ['拖欠工资']],
  ['老板', ['用人单位']],
  ['包工头', ['分包', '施工总承包']],
  ['打工', ['务工', '劳动者']],
  ['草场', ['草原', '草地']],
  ['牧场', ['草原', '草地']],
  ['被占', ['侵占', '占用']],
  ['围栏', ['边界', '四至']],
  ['嘎查', ['发包方', '村民委员会']],
  ['孩子', ['子女']],
  ['娃', ['子女']],
  ['归谁', ['抚养']],
  ['老人', ['老年人', '父母', '赡养']],
  ['养老', ['赡养']],
  ['不养', ['赡养']],
  ['爹妈', ['父母']],
  ['打我', ['家庭暴力']],
  ['打老婆', ['家庭暴力']],
  ['家暴', ['家庭暴力']],
  ['车祸', ['交通事故']],
  ['撞了', ['交通事故']],
  ['摔伤', ['工伤', '事故伤害']],
  ['受伤', ['工伤', '人身损害']],
  ['遗产', ['继承']],
  ['家产', ['遗产', '继承']],
  ['分家', ['遗产', '分割']],
  ['免费律师', ['法律援助']],
  ['请律师', ['法律援助', '辩护']],
  ['没钱', ['经济困难']],
  ['假货', ['欺诈']],
  ['被抓', ['犯罪嫌疑人', '辩护']],
];

/** The formal phrases a query implies (not the query's own words). */
export function synonymPhrases(query: string): string[] {
  const phrases: string[] = [];
  for (const [colloquial, formal] of COLLOQUIAL_SYNONYMS) {
    if (query.includes(colloquial)) phrases.push(...formal);
  }
  return phrases;
}
