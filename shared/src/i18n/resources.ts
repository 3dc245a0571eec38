/**
 * Every namespace of locales/, bundled (the kiosk is offline: nothing is fetched at run time).
 * Adding a namespace: create locales/zh-Hans/<ns>.json, locales/mn-Mong/<ns>.json and
 * locales/meta/<ns>.json, then add the two imports and the NAMESPACES entry here
 * (i18n-locales.test.ts fails until the list matches the files).
 */
import zhCommon from '../../../locales/zh-Hans/common.json';
import zhConsole from '../../../locales/zh-Hans/console.json';
import zhDomain from '../../../locales/zh-Hans/domain.json';
import zhGallery from '../../../locales/zh-Hans/gallery.json';
import zhKiosk from '../../../locales/zh-Hans/kiosk.json';
import zhErrors from '../../../locales/zh-Hans/errors.json';
import zhPrint from '../../../locales/zh-Hans/print.json';
import zhServices from '../../../locales/zh-Hans/services.json';
import zhTv from '../../../locales/zh-Hans/tv.json';
import mnCommon from '../../../locales/mn-Mong/common.json';
import mnConsole from '../../../locales/mn-Mong/console.json';
import mnDomain from '../../../locales/mn-Mong/domain.json';
import mnGallery from '../../../locales/mn-Mong/gallery.json';
import mnKiosk from '../../../locales/mn-Mong/kiosk.json';
import mnErrors from '../../../locales/mn-Mong/errors.json';
import mnPrint from '../../../locales/mn-Mong/print.json';
import mnServices from '../../../locales/mn-Mong/services.json';
import mnTv from '../../../locales/mn-Mong/tv.json';
import type { Language } from './languages';

export const NAMESPACES = [
  'common',
  'domain',
  'kiosk',
  'services',
  'errors',
  'tv',
  'console',
  'print',
  'gallery',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Chinese is the source language: its files define the key set (and the typed keys). */
export const zhHansResources = {
  common: zhCommon,
  domain: zhDomain,
  kiosk: zhKiosk,
  services: zhServices,
  errors: zhErrors,
  tv: zhTv,
  console: zhConsole,
  print: zhPrint,
  gallery: zhGallery,
};

export type Resources = typeof zhHansResources;

/**
 * Typed as the Chinese shape, so a key missing in Mongolian already fails `tsc`; the locale
 * test catches the rest (script, review status, usage).
 */
export const mnMongResources: Resources = {
  common: mnCommon,
  domain: mnDomain,
  kiosk: mnKiosk,
  services: mnServices,
  errors: mnErrors,
  tv: mnTv,
  console: mnConsole,
  print: mnPrint,
  gallery: mnGallery,
};

export const RESOURCES: Readonly<Record<Language, Resources>> = {
  'zh-Hans': zhHansResources,
  'mn-Mong': mnMongResources,
};
