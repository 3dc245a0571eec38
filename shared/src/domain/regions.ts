/**
 * Administrative division codes (GB/T 2260) as far as the ID number and device scopes need them:
 * every province-level code, and the prefecture-level units of Inner Mongolia, where we work.
 * Source: 中华人民共和国行政区划代码 (民政部, mca.gov.cn), province and prefecture level.
 */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

/** Prefecture-level units of Inner Mongolia (盟市), code prefix → name. */
export const INNER_MONGOLIA_PREFECTURES: Readonly<Record<string, string>> = {
  '1501': '呼和浩特市',
  '1502': '包头市',
  '1503': '乌海市',
  '1504': '赤峰市',
  '1505': '通辽市',
  '1506': '鄂尔多斯市',
  '1507': '呼伦贝尔市',
  '1508': '巴彦淖尔市',
  '1509': '乌兰察布市',
  '1522': '兴安盟',
  '1525': '锡林郭勒盟',
  '1529': '阿拉善盟',
};

/**
 * Region codes used for content scope are prefixes of a 6-digit division code:
 * '15' is all of Inner Mongolia, '1525' Xilingol League, '152502' Xilinhot.
 */
export const REGION_CODE_PATTERN = /^\d{2}(\d{2}(\d{2})?)?$/;

/** True when an item scoped to `scope` is visible to a device in `deviceRegion`. */
export function regionCovers(scope: string, deviceRegion: string): boolean {
  return scope === '' || deviceRegion.startsWith(scope);
}
