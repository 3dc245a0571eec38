/**
 * `npm run voice:generate-zh`: makes the missing or stale Chinese clips with offline
 * text-to-speech (espeak-ng compiled to WebAssembly, from npm; Mandarin voice `cmn`), encodes them
 * as Opus (opusenc, Debian package opus-tools) and updates assets/voice/manifest.json.
 * Build-time only: nothing here ships with the apps. It never touches a recorded clip, and it
 * never makes Mongolian clips (no offline traditional-Mongolian TTS exists).
 * The voice is robotic but says the right tones; a person's recording replaces it when the
 * console records one (source: recorded).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ESpeakNg from 'espeak-ng';
import { textHash } from '../src/i18n/text-hash';
import type { VoiceClip } from '../src/voice/manifest';
import { MANIFEST_PATH, readManifest, readVoiceTexts, VOICE_DIR } from './voice-files';

/** Words per minute: slower than espeak's 175 for elderly listeners. */
const SPEED = '135';

/** Length of a PCM WAV file in seconds, from its header. */
export function wavDuration(wav: Uint8Array): number {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const byteRate = view.getUint32(28, true);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = String.fromCharCode(...wav.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (id === 'data') return Math.round((size / byteRate) * 1000) / 1000;
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV without data chunk');
}

async function synthesize(text: string): Promise<Uint8Array> {
  const espeak = await ESpeakNg({ arguments: ['-v', 'cmn', '-s', SPEED, '-w', 'out.wav', text] });
  return espeak.FS.readFile('out.wav') as Uint8Array;
}

function fileFor(key: string): string {
  const [ns, path] = key.split(':') as [string, string];
  return `zh-Hans/${ns}/${path}.ogg`;
}

async function main(): Promise<void> {
  const { voiceKeys, texts } = readVoiceTexts();
  const manifest = readManifest();
  const keep = manifest.clips.filter(
    (c) => c.lang !== 'zh-Hans' || c.source === 'recorded' || voiceKeys.includes(c.key),
  );
  const clips: VoiceClip[] = [];
  const work = join(tmpdir(), `pls-voice-${process.pid}`);
  mkdirSync(work, { recursive: true });
  let made = 0;
  try {
    for (const clip of keep) {
      const text = texts[clip.lang].get(clip.key);
      const current = text !== undefined && clip.textHash === textHash(text);
      if (clip.lang === 'zh-Hans' && clip.source === 'tts' && !current) continue; // remade below
      clips.push(clip);
    }
    for (const key of voiceKeys) {
      if (clips.some((c) => c.key === key && c.lang === 'zh-Hans')) continue;
      const text = texts['zh-Hans'].get(key);
      if (text === undefined) throw new Error(`${key} has no Chinese text`);
      if (text.includes('{{')) {
        console.warn(`skip ${key}: has placeholders; speak it from fragments instead`);
        continue;
      }
      const wav = await synthesize(text);
      const wavPath = join(work, 'clip.wav');
      writeFileSync(wavPath, wav);
      const file = fileFor(key);
      const out = join(VOICE_DIR, file);
      mkdirSync(dirname(out), { recursive: true });
      execFileSync('opusenc', ['--quiet', '--bitrate', '24', '--downmix-mono', wavPath, out]);
      clips.push({
        key,
        lang: 'zh-Hans',
        file,
        textHash: textHash(text),
        duration: wavDuration(wav),
        source: 'tts',
      });
      made += 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // Generated clips that are no longer listed (key removed or remade elsewhere) leave the disk.
  for (const old of manifest.clips) {
    if (old.source === 'tts' && !clips.some((c) => c.file === old.file)) {
      rmSync(join(VOICE_DIR, old.file), { force: true });
    }
  }
  clips.sort((a, b) => (a.lang + a.key < b.lang + b.key ? -1 : 1));
  writeFileSync(MANIFEST_PATH, `${JSON.stringify({ version: 1, clips }, null, 2)}\n`);
  console.log(`${made} Chinese clip(s) generated; manifest has ${clips.length} clip(s)`);
}

await main();
