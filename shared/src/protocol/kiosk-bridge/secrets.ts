/**
 * `secrets.*`: the device token and the database key, kept by the host. Generic to any host
 * that keeps secrets for a renderer (the TV host will have only this namespace and perhaps a
 * microphone); the stores live in `@pls/shared/host`.
 */
import {
  kindMessageSchema,
  type KindMessageError,
  parseEmpty,
  schemaParser,
  type EmptyInput,
  resultMethod,
} from './common';

/**
 * How a secret is protected at rest. `os-keychain`: Electron safeStorage with a real OS store;
 * `basic-text`: safeStorage on Linux without a keyring (obfuscation only); `file-0600`: the
 * agent's key file readable by its OS user only.
 */
export const SECRET_PROTECTIONS = ['os-keychain', 'basic-text', 'file-0600'] as const;
export type SecretProtection = (typeof SECRET_PROTECTIONS)[number];

export const SECRET_ERROR_KINDS = ['unavailable', 'corrupt', 'ioFailed'] as const;
export type SecretError = KindMessageError<(typeof SECRET_ERROR_KINDS)[number]>;

export interface DatabaseKey {
  /** 64 hex characters (256 bits), the RxDB encryption password. */
  readonly key: string;
  readonly protection: SecretProtection;
}

export interface SetDeviceTokenInput {
  readonly token: string;
}

const deviceToken = { type: 'string', pattern: '^[!-~]{16,512}$' } as const;

export const setDeviceTokenInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: deviceToken },
} as const;

export const databaseKeySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'protection'],
  properties: {
    key: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    protection: { enum: SECRET_PROTECTIONS },
  },
} as const;

const parseSecretError = schemaParser<SecretError>(kindMessageSchema(SECRET_ERROR_KINDS));

export const SECRETS_METHODS = {
  'secrets.getDatabaseKey': resultMethod<EmptyInput, DatabaseKey, SecretError>(
    parseEmpty,
    schemaParser(databaseKeySchema),
    parseSecretError,
  ),
  'secrets.getDeviceToken': resultMethod<EmptyInput, string | null, SecretError>(
    parseEmpty,
    schemaParser({ anyOf: [deviceToken, { type: 'null' }] }),
    parseSecretError,
  ),
  'secrets.setDeviceToken': resultMethod<SetDeviceTokenInput, void, SecretError>(
    schemaParser(setDeviceTokenInputSchema),
    'void',
    parseSecretError,
  ),
  'secrets.clearDeviceToken': resultMethod<EmptyInput, void, SecretError>(
    parseEmpty,
    'void',
    parseSecretError,
  ),
} as const;
