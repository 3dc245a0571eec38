/**
 * `npm run voice:coverage`: per language, the keys marked `voice: true` that have a current clip,
 * the stale clips (text changed since recording) and the missing ones. Mongolian clips are human
 * recordings (the console records them); they are reported missing, never generated.
 * `--strict` exits 1 when a clip is stale or a manifest file is missing.
 */
import { voiceCoverage } from '../src/voice/coverage';
import { clipExists, readManifest, readVoiceTexts } from './voice-files';

const { voiceKeys, texts } = readVoiceTexts();
const manifest = readManifest();
const report = voiceCoverage({ manifest, voiceKeys, texts, fileExists: clipExists });

console.log('Voice coverage (keys with voice: true in locales/meta)');
console.table(
  report.rows.map((r) => ({
    language: r.language,
    needed: r.needed,
    current: r.current,
    recorded: r.recorded,
    'generated (tts)': r.generated,
    stale: r.stale,
    missing: r.missing,
    '%': r.percent,
  })),
);
if (report.stale.length > 0) {
  console.log('\nStale clips (the text changed after recording):');
  for (const c of report.stale) console.log(`  ${c.lang}  ${c.key}  ${c.file}`);
}
if (report.missingFiles.length > 0) {
  console.log('\nIn the manifest but not on disk:');
  for (const c of report.missingFiles) console.log(`  ${c.lang}  ${c.key}  ${c.file}`);
}
if (report.orphans.length > 0) {
  console.log('\nClips of keys that no longer need voice:');
  for (const c of report.orphans) console.log(`  ${c.lang}  ${c.key}  ${c.file}`);
}
const missingByLanguage = new Map<string, string[]>();
for (const m of report.missing) {
  missingByLanguage.set(m.lang, [...(missingByLanguage.get(m.lang) ?? []), m.key]);
}
for (const [lang, keys] of missingByLanguage) {
  const note = lang === 'mn-Mong' ? ' (to be recorded by a native speaker in the console)' : '';
  console.log(`\nMissing ${lang}${note}: ${keys.length}`);
  console.log(`  ${keys.join('\n  ')}`);
}
if (process.argv.includes('--strict') && report.stale.length + report.missingFiles.length > 0) {
  process.exitCode = 1;
}
