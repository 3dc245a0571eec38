/** Reads the voice manifest and the texts of the keys that need voice. Node only. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../src/domain/vocabulary';
import { flattenMessages, parseKeyMeta } from '../src/i18n/locale-check';
import { EMPTY_MANIFEST, parseVoiceManifest, type VoiceManifest } from '../src/voice/manifest';
import { readLocaleFiles, REPO_ROOT } from './locale-files';

export const VOICE_DIR = join(REPO_ROOT, 'assets', 'voice');
export const MANIFEST_PATH = join(VOICE_DIR, 'manifest.json');

export function readManifest(): VoiceManifest {
  if (!existsSync(MANIFEST_PATH)) return EMPTY_MANIFEST;
  const parsed = parseVoiceManifest(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as unknown);
  if (!parsed.ok) throw new Error(`assets/voice/manifest.json:\n${parsed.error.join('\n')}`);
  return parsed.value;
}

export interface VoiceTexts {
  /** Keys (ns:key) marked `voice: true` in locales/meta. */
  readonly voiceKeys: string[];
  readonly texts: Record<Language, Map<string, string>>;
}

export function readVoiceTexts(): VoiceTexts {
  const files = readLocaleFiles();
  const voiceKeys: string[] = [];
  for (const [ns, records] of Object.entries(files.meta)) {
    if (records === null || typeof records !== 'object') continue;
    for (const [key, value] of Object.entries(records)) {
      if (parseKeyMeta(value)?.voice === true) voiceKeys.push(`${ns}:${key}`);
    }
  }
  const texts = Object.fromEntries(
    LANGUAGES.map((language) => {
      const map = new Map<string, string>();
      for (const [ns, file] of Object.entries(files.messages[language])) {
        for (const [key, text] of flattenMessages(file)) map.set(`${ns}:${key}`, text);
      }
      return [language, map];
    }),
  ) as Record<Language, Map<string, string>>;
  return { voiceKeys: voiceKeys.sort(), texts };
}

export function clipExists(file: string): boolean {
  return existsSync(join(VOICE_DIR, file));
}
