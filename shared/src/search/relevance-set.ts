/**
 * Resident-style queries and the items each must find in its top 5, over the content pack in
 * assets/content. Chinese queries are phrased the way people speak at a station (老板不给工资,
 * not 用人单位拖欠劳动报酬); Mongolian ones are short traditional-script phrases, some typed
 * in other encodings (suffix written straight on, no MVS, free variation selectors, o for u)
 * to show that normalization lets them meet the content. Used by the relevance test
 * (recall@5 ≥ 0.9) and by the benchmark for query latency.
 */
import type { Language } from '../domain/index';

export interface RelevanceQuery {
  readonly query: string;
  readonly language: Language;
  /** Ids that must appear among the first five results. */
  readonly expected: readonly string[];
  /** What the query says or how it is encoded, for people reading a failure. */
  readonly note?: string;
}

export const RELEVANCE_SET: readonly RelevanceQuery[] = [
  // Wages
  { query: '老板不给工资', language: 'zh-Hans', expected: ['faq-wage-boss-not-paying'] },
  {
    query: '讨薪',
    language: 'zh-Hans',
    expected: ['faq-wage-boss-not-paying', 'faq-wage-legal-aid-free'],
  },
  { query: '包工头跑了工钱找谁要', language: 'zh-Hans', expected: ['faq-wage-contractor-ran'] },
  { query: '没签合同能要回工资吗', language: 'zh-Hans', expected: ['faq-wage-no-contract'] },
  {
    query: '干了半年不签合同能要双倍工资吗',
    language: 'zh-Hans',
    expected: ['faq-wage-double-pay'],
  },
  { query: '老板拿羊顶工钱', language: 'zh-Hans', expected: ['faq-wage-paid-in-kind'] },
  { query: '身份证被老板扣了', language: 'zh-Hans', expected: ['faq-wage-id-card-kept'] },
  { query: '拖欠工资辞职有补偿吗', language: 'zh-Hans', expected: ['faq-wage-quit-compensation'] },
  // Work injury
  { query: '工地上摔伤了算工伤吗', language: 'zh-Hans', expected: ['faq-injury-what-counts'] },
  { query: '老板不给报工伤', language: 'zh-Hans', expected: ['faq-injury-boss-wont-report'] },
  { query: '单位没交工伤保险受伤谁赔', language: 'zh-Hans', expected: ['faq-injury-no-insurance'] },
  { query: '给人放羊受伤了', language: 'zh-Hans', expected: ['faq-injury-herder-hired'] },
  { query: '养伤期间工资', language: 'zh-Hans', expected: ['faq-injury-wages-during-treatment'] },
  // Family
  { query: '离婚孩子归谁', language: 'zh-Hans', expected: ['faq-family-divorce-child'] },
  { query: '前夫不给孩子抚养费', language: 'zh-Hans', expected: ['faq-family-child-support'] },
  { query: '老公打我怎么办', language: 'zh-Hans', expected: ['faq-family-domestic-violence-help'] },
  { query: '保护令怎么申请', language: 'zh-Hans', expected: ['faq-family-protection-order'] },
  {
    query: '没领结婚证算夫妻吗',
    language: 'zh-Hans',
    expected: ['faq-family-wedding-no-registration'],
  },
  { query: '彩礼要得太多', language: 'zh-Hans', expected: ['faq-family-bride-price'] },
  { query: '对方不同意离婚', language: 'zh-Hans', expected: ['faq-family-divorce-refused'] },
  {
    query: '父亲去世遗产怎么分',
    language: 'zh-Hans',
    expected: ['faq-family-inheritance-no-will'],
  },
  {
    query: '嫁出去的女儿能分遗产吗',
    language: 'zh-Hans',
    expected: ['faq-family-daughter-inherit'],
  },
  // Elderly
  { query: '老人不给赡养费', language: 'zh-Hans', expected: ['faq-elderly-children-refuse'] },
  { query: '儿女不养老怎么办', language: 'zh-Hans', expected: ['faq-elderly-children-refuse'] },
  { query: '老人再婚儿女反对', language: 'zh-Hans', expected: ['faq-elderly-remarriage'] },
  // Grassland
  { query: '草场被占', language: 'zh-Hans', expected: ['faq-land-pasture-occupied'] },
  { query: '邻居把围栏挪到我家草场', language: 'zh-Hans', expected: ['faq-land-neighbor-fence'] },
  { query: '嘎查要收回草场', language: 'zh-Hans', expected: ['faq-land-gacha-take-back'] },
  {
    query: '开矿占了草场给多少补偿',
    language: 'zh-Hans',
    expected: ['faq-land-mine-compensation'],
  },
  { query: '草场租给别人', language: 'zh-Hans', expected: ['faq-land-rent-out'] },
  { query: '草场承包多少年', language: 'zh-Hans', expected: ['faq-land-contract-term'] },
  // Traffic, consumer, criminal
  { query: '车祸谁赔', language: 'zh-Hans', expected: ['faq-traffic-who-pays'] },
  {
    query: '被车撞了能要哪些钱',
    language: 'zh-Hans',
    expected: ['faq-traffic-compensation-items'],
  },
  { query: '买到假种子', language: 'zh-Hans', expected: ['faq-consumer-fake-seeds-fodder'] },
  { query: '假货退一赔三', language: 'zh-Hans', expected: ['faq-consumer-fake-goods'] },
  {
    query: '家里人被抓了请不起律师',
    language: 'zh-Hans',
    expected: ['faq-criminal-family-detained'],
  },
  // Legal aid and the hotline
  { query: '免费律师怎么申请', language: 'zh-Hans', expected: ['faq-aid-how-to-apply'] },
  { query: '申请法律援助带什么材料', language: 'zh-Hans', expected: ['faq-aid-documents'] },
  { query: '法律援助多久有结果', language: 'zh-Hans', expected: ['faq-aid-how-long'] },
  {
    query: '１２３４８',
    language: 'zh-Hans',
    expected: ['faq-aid-hotline-12348'],
    note: 'full-width digits',
  },
  { query: '狗咬人谁负责', language: 'zh-Hans', expected: ['faq-aid-livestock-damage'] },
  { query: '法律援助法第四十二条', language: 'zh-Hans', expected: ['law-legal-aid-law-42'] },
  { query: '民法典 赡养费', language: 'zh-Hans', expected: ['law-civil-code-1067'] },

  // Mongolian (traditional script)
  {
    query: 'ᠴᠠᠯᠢᠩ ᠥᠭᠬᠦ ᠦᠭᠡᠢ',
    language: 'mn-Mong',
    expected: ['faq-wage-boss-not-paying'],
    note: 'čaling ögkü ügei — wages not paid',
  },
  {
    query: 'ᠳᠠᠷᠤᠭ᠎ᠠ ᠪᠤᠷᠤᠭᠤᠯᠠᠭᠰᠠᠨ ᠴᠠᠯᠢᠩ',
    language: 'mn-Mong',
    expected: ['faq-wage-contractor-ran'],
    note: 'the foreman ran off with the wages',
  },
  {
    query: 'ᠡᠪᠡᠰᠦᠨ ᠬᠡᠭᠡᠷ᠎ᠡ ᠡᠵᠡᠮᠳᠡᠭᠰᠡᠨ',
    language: 'mn-Mong',
    expected: ['faq-land-pasture-occupied'],
    note: 'pasture occupied (kegere with MVS)',
  },
  {
    query: 'ᠭᠠᠴᠠᠭᠠ ᠡᠪᠡᠰᠦᠨ ᠬᠡᠭᠡᠷᠡ ᠬᠠᠷᠢᠭᠤᠯᠤᠨ ᠠᠪᠬᠤ',
    language: 'mn-Mong',
    expected: ['faq-land-gacha-take-back'],
    note: 'the gacha takes the pasture back; γačaγ-a typed without MVS',
  },
  {
    query: 'ᠬᠥᠷᠱᠢ ᠲᠣᠷ ᠬᠠᠰᠢᠶ᠎ᠠ',
    language: 'mn-Mong',
    expected: ['faq-land-neighbor-fence'],
    note: "the neighbour's wire fence",
  },
  {
    query: 'ᠰᠠᠯᠪᠠᠯ ᠬᠡᠦᠬᠡᠳ ᠬᠡᠨ ᠳᠦ',
    language: 'mn-Mong',
    expected: ['faq-family-divorce-child'],
    note: 'after divorce, who gets the child',
  },
  {
    query: 'ᠭᠡᠷ ᠪᠦᠯ ᠦᠨ ᠬᠦᠴᠢᠷᠬᠡᠭᠦᠯᠡᠯ',
    language: 'mn-Mong',
    expected: ['faq-family-domestic-violence-help', 'law-anti-domestic-violence-law-2'],
    note: 'domestic violence',
  },
  {
    query: 'ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠠᠶᠤᠯ ᠦᠭᠡᠢ ᠶᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ ᠲᠤᠰᠢᠶᠠᠯ',
    language: 'mn-Mong',
    expected: ['faq-family-protection-order'],
    note: 'personal safety protection order',
  },
  {
    query: 'ᠡᠴᠢᠭᠡ ᠡᠬᠡ ᠲᠡᠵᠢᠭᠡᠯᠲᠡ ᠶᠢᠨ ᠮᠥᠩᠭᠡ',
    language: 'mn-Mong',
    expected: ['faq-elderly-children-refuse'],
    note: 'support money for parents',
  },
  {
    query: 'ᠳᠠᠬᠢᠨ ᠭᠡᠷᠯᠡᠬᠦ ᠥᠲᠡᠯᠡᠭᠰᠡᠳ',
    language: 'mn-Mong',
    expected: ['faq-elderly-remarriage'],
    note: 'old people remarrying',
  },
  {
    query: 'ᠡᠴᠢᠭᠡ ᠨᠥᠭᠴᠢᠭᠰᠡᠨ ᠥᠪ ᠬᠤᠪᠢᠶᠠᠬᠤ',
    language: 'mn-Mong',
    expected: ['faq-family-inheritance-no-will'],
    note: 'father died, dividing the inheritance',
  },
  {
    query: 'ᠠᠵᠢᠯ ᠤᠨ ᠭᠡᠮᠲᠡᠯ ᠲᠣᠭᠲᠠᠭᠠᠯᠭ᠎ᠠ ᠮᠠᠲᠧᠷᠢᠶᠠᠯ',
    language: 'mn-Mong',
    expected: ['faq-injury-documents'],
    note: 'documents for work-injury recognition',
  },
  {
    query: 'ᠵᠠᠮ ᠤᠨ ᠣᠰᠤᠯ ᠨᠥᠬᠥᠪᠤᠷᠢ',
    language: 'mn-Mong',
    expected: ['faq-traffic-who-pays'],
    note: 'road accident compensation',
  },
  {
    query: 'ᠬᠠᠭᠤᠷᠮᠠᠭ ᠦᠷ᠎ᠡ ᠲᠡᠵᠢᠭᠡᠯ',
    language: 'mn-Mong',
    expected: ['faq-consumer-fake-seeds-fodder'],
    note: 'fake seed, fodder',
  },
  {
    query: 'ᠬᠠᠤᠯᠢᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠭᠤᠶᠤᠬᠤ',
    language: 'mn-Mong',
    expected: ['faq-aid-how-to-apply'],
    note: 'apply for legal aid; -yin written straight on',
  },
  {
    query: '᠑᠒᠓᠔᠘ ᠤᠲᠠᠰᠤ',
    language: 'mn-Mong',
    expected: ['faq-aid-hotline-12348'],
    note: '12348 in Mongolian digits',
  },
  {
    query: 'ᠴ᠋ᠠᠯᠢᠩ ᠤᠳᠠᠭᠰᠢᠷᠠᠭᠤᠯᠪᠠᠯ ᠠᠵᠢᠯ ᠠᠴᠠ ᠭᠠᠷᠤᠭᠠᠳ ᠨᠦᠬᠦᠪᠤᠷᠢ',
    language: 'mn-Mong',
    expected: ['faq-wage-quit-compensation'],
    note: 'quit over unpaid wages, compensation; FVS1 after č, ö typed as ü',
  },
];
