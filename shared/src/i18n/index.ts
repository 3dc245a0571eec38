import './typed-keys';

export * from './languages';
export * from './create-i18n';
export * from './format';
export * from './mongolian-format';
export * from './key-families';
export * from './error-codes';
export * from './error-messages';
export * from './resources';
export * from './text-hash';
export * from './locale-check';
export type { TranslationKey } from './typed-keys';
