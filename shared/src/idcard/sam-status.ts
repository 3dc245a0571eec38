/**
 * SW3, the status byte of every SAM response (frame offset 9). Meanings from HSL
 * `DefaultLanguage.cs` and XWH `SAM_V_STATE` (docs/idcard-protocol.md §1). SW1 and SW2 are
 * 00 00 in every source.
 */

export type SamStatusKey =
  | 'success'
  | 'findSuccess'
  | 'badChecksum'
  | 'badLength'
  | 'badCommand'
  | 'notPermitted'
  | 'unknownError'
  | 'authenticationFailed'
  | 'verificationError'
  | 'unknownCardType'
  | 'readFailed'
  | 'randomNumberFailed'
  | 'selfTestFailed'
  | 'notAuthorized'
  | 'noCard'
  | 'selectFailed'
  | 'itemEmpty'
  | 'unknownStatus';

export interface SamStatusInfo {
  /** The raw SW3 byte. */
  readonly sw3: number;
  readonly key: SamStatusKey;
  readonly zh: string;
  readonly en: string;
}

const TABLE: ReadonlyArray<readonly [number, SamStatusKey, string, string]> = [
  [0x90, 'success', '操作成功', 'success'],
  [0x9f, 'findSuccess', '寻找证/卡成功', 'card found'],
  [0x10, 'badChecksum', '接收数据校验和错', 'reader received a bad checksum'],
  [0x11, 'badLength', '接收数据长度错', 'reader received a bad length'],
  [0x21, 'badCommand', '接收数据命令错', 'reader received an unknown command'],
  [0x23, 'notPermitted', '越权操作', 'operation not permitted'],
  [0x24, 'unknownError', '无法识别的错误', 'unrecognized error'],
  [0x31, 'authenticationFailed', '证/卡认证SAM失败', 'card failed to authenticate the SAM'],
  [0x32, 'authenticationFailed', 'SAM认证证/卡失败', 'SAM failed to authenticate the card'],
  [0x33, 'verificationError', '信息验证错误', 'verification error'],
  [0x40, 'unknownCardType', '无法识别的卡类型', 'unknown card type'],
  [0x41, 'readFailed', '读证/卡操作失败', 'reading the card failed'],
  [0x47, 'randomNumberFailed', '取随机数失败', 'getting a random number failed'],
  [0x60, 'selfTestFailed', 'SAM自检失败', 'SAM self-test failed'],
  [0x66, 'notAuthorized', 'SAM未经授权', 'SAM not authorized'],
  [0x80, 'noCard', '寻找证/卡失败', 'no card'],
  [0x81, 'selectFailed', '选取证/卡失败', 'selecting the card failed'],
  [0x91, 'itemEmpty', '证/卡中此项无内容', 'the card has no content for this item'],
];

const BY_CODE = new Map<number, SamStatusInfo>(
  TABLE.map(([sw3, key, zh, en]) => [sw3, { sw3, key, zh, en }]),
);

/** Every SW3 value the sources document, in table order. */
export const KNOWN_SAM_STATUS_CODES: readonly number[] = TABLE.map(([sw3]) => sw3);

export function samStatusInfo(sw3: number): SamStatusInfo {
  return (
    BY_CODE.get(sw3) ?? {
      sw3,
      key: 'unknownStatus',
      zh: '未知状态',
      en: 'undocumented status',
    }
  );
}

/** `80 寻找证/卡失败 (no card)`, for logs and the technician CLI. */
export function formatSamStatus(info: SamStatusInfo): string {
  return `${info.sw3.toString(16).toUpperCase().padStart(2, '0')} ${info.zh} (${info.en})`;
}
