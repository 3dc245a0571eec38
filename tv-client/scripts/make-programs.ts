/**
 * `npx tsx tv-client/scripts/make-programs.ts`: makes the content pack's program videos (marked
 * sample) from each program's own text in assets/content/sources/programs.json:
 * - slides (title and summary, then one per outline point) in both scripts, Mongolian
 *   vertical, drawn by headless Chromium (/usr/bin/chromium) with the bundled fonts;
 * - Chinese: narrated with espeak-ng (WebAssembly, voice `cmn`, as shared/tools/voice-generate-zh.ts),
 *   each slide shown as long as its narration;
 * - Mongolian: no offline traditional-Mongolian speech exists and no human recording does yet,
 *   so the slides carry the captions and a note saying so, over a silent track;
 * - encoded by ffmpeg as MP4 (H.264 still-image tune, 5 fps; AAC mono), which Debian's Chromium
 *   plays; ≤ 60 s and well under 2 MB a minute.
 * Inputs it writes beside the outputs (assets/media/programs/inputs/*.json: each slide's text and
 * narration) and the outputs (assets/media/programs/*.mp4, manifest.json) are committed; the
 * program sources' media entries are updated (file, bytes, sha256, duration, available) and
 * `npm run content:build` rebuilds the pack. Build-time only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = join(REPO, 'assets/content/sources/programs.json');
const OUT_DIR = join(REPO, 'assets/media/programs');
const INPUT_DIR = join(OUT_DIR, 'inputs');
const FONTS_CSS = pathToFileURL(join(REPO, 'assets/fonts/fonts.css')).href;
const WIDTH = 1280;
const HEIGHT = 720;
/** Seconds a silent (Mongolian) slide stays: time to read a vertical caption. */
const CAPTION_SECONDS = 6;
const MAX_SECONDS = 60;
const SPEED = '150';

type Lang = 'zh-Hans' | 'mn-Mong';
interface Bilingual {
  readonly zh: string;
  readonly mn: string;
}
interface MediaEntry {
  kind: string;
  language: string;
  file: string;
  durationSeconds?: number;
  bytes?: number;
  sha256?: string;
  available: boolean;
}
interface ProgramSource {
  readonly id: string;
  readonly title: Bilingual;
  readonly summary: Bilingual;
  readonly body: Bilingual;
  media: MediaEntry[];
}
export interface Slide {
  readonly zh: string;
  readonly mn: string;
  /** What the Chinese narration says on this slide. */
  readonly narration: string;
}

/** "节目提纲：1. a；2. b。" → ["a", "b"]; the Mongolian body numbers its points the same way. */
export function outlinePoints(body: string): string[] {
  return body
    .replace(/^[^0-9]*?[：:]/u, '')
    .split(/(?:^|[；;,᠂，]\s*)\d+\.\s*/u)
    .map((p) => p.replace(/[。᠃；;]+$/u, '').trim())
    .filter((p) => p !== '');
}

export function slidesFor(program: ProgramSource): Slide[] {
  const zh = outlinePoints(program.body.zh);
  const mn = outlinePoints(program.body.mn);
  const slides: Slide[] = [
    {
      zh: `${program.title.zh}\n${program.summary.zh}`,
      mn: `${program.title.mn}\n${program.summary.mn}`,
      narration: `${program.title.zh}。${program.summary.zh}`,
    },
  ];
  zh.forEach((point, i) =>
    slides.push({ zh: `${i + 1}. ${point}`, mn: `${i + 1}. ${mn[i] ?? ''}`, narration: point }),
  );
  return slides;
}

function locale(lang: Lang): { sampleSlide: string; noMongolianRecording: string } {
  const tv = JSON.parse(readFileSync(join(REPO, 'locales', lang, 'tv.json'), 'utf8')) as {
    player: { sampleSlide: string; noMongolianRecording: string };
  };
  return tv.player;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const lines = (s: string) =>
  s
    .split('\n')
    .map((l, i) => `<p class="${i === 0 ? 'lead' : ''}">${escapeHtml(l)}</p>`)
    .join('');

function slideHtml(slide: Slide, lang: Lang, index: number, count: number): string {
  const zh = locale('zh-Hans');
  const mn = locale('mn-Mong');
  // Mongolian is read vertically everywhere, so its sample label and note join its column.
  const mnExtra =
    `<p class="quiet">${escapeHtml(mn.sampleSlide)}</p>` +
    (lang === 'mn-Mong' ? `<p class="warn">${escapeHtml(mn.noMongolianRecording)}</p>` : '');
  const note =
    lang === 'mn-Mong' ? `<div class="note">${escapeHtml(zh.noMongolianRecording)}</div>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${FONTS_CSS}">
<style>
html,body{margin:0;width:${WIDTH}px;height:${HEIGHT}px;background:#10233a;color:#f4f1e8;overflow:hidden}
body{display:flex;flex-direction:column;padding:36px 64px;box-sizing:border-box;font-family:var(--pls-font-zh)}
.top{display:flex;justify-content:space-between;font-size:22px;color:#ffd54a}
.main{flex:1;display:flex;gap:48px;margin-top:24px;min-height:0}
.zh{flex:1;font-size:40px;line-height:1.5}
.zh p{margin:0 0 16px}.zh .lead{font-size:52px;color:#ffd54a}
.mn{writing-mode:vertical-lr;font-family:var(--pls-font-mn);font-size:34px;line-height:1.5;max-width:560px;overflow:hidden}
.mn p{margin:0 12px 0 0}.mn .lead{font-size:42px;color:#ffd54a}
.mn .quiet{font-size:22px;color:#ffd54a;margin-left:24px}.mn .warn{font-size:24px;background:#6b2d2d;padding:8px 4px}
.note{font-size:24px;background:#6b2d2d;padding:8px 16px;border-radius:8px;margin-top:12px}
</style></head><body>
<div class="top"><span lang="zh-Hans">${escapeHtml(zh.sampleSlide)}</span><span>${index + 1} / ${count}</span></div>
<div class="main"><div class="zh" lang="zh-Hans">${lines(slide.zh)}</div><div class="mn" lang="mn-Mong">${lines(slide.mn)}${mnExtra}</div></div>
${note}</body></html>`;
}

/** A media file's length in seconds (ffprobe comes with ffmpeg). */
function duration(path: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    path,
  ]);
  return Number(out.toString().trim());
}

/** The WebAssembly espeak-ng build ships no types; its typings live under shared/tools (outside this project's root), so the one call used is typed here. */
type ESpeak = (options: {
  arguments: string[];
}) => Promise<{ FS: { readFile(path: string): Uint8Array } }>;

async function speak(text: string): Promise<Uint8Array> {
  const ESpeakNg = ((await import('espeak-ng' as string)) as { default: ESpeak }).default;
  const espeak = await ESpeakNg({ arguments: ['-v', 'cmn', '-s', SPEED, '-w', 'out.wav', text] });
  return espeak.FS.readFile('out.wav') as Uint8Array;
}

function ensureFfmpeg(): void {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) =>
    execFileSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { stdio: 'inherit' });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'ffmpeg']);
}

async function main(): Promise<void> {
  ensureFfmpeg();
  const source = JSON.parse(readFileSync(SOURCES, 'utf8')) as {
    note: string;
    items: ProgramSource[];
  };
  mkdirSync(INPUT_DIR, { recursive: true });
  const work = join(tmpdir(), `pls-programs-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  const manifest: {
    file: string;
    language: Lang;
    seconds: number;
    bytes: number;
    sha256: string;
  }[] = [];
  try {
    for (const program of source.items) {
      const slides = slidesFor(program);
      writeFileSync(
        join(INPUT_DIR, `${program.id}.json`),
        `${JSON.stringify({ sample: true, id: program.id, slides }, null, 2)}\n`,
      );
      const media: MediaEntry[] = [];
      for (const lang of ['zh-Hans', 'mn-Mong'] as const) {
        const dir = join(work, `${program.id}-${lang}`);
        mkdirSync(dir, { recursive: true });
        const durations: number[] = [];
        const wavs: string[] = [];
        for (const [i, slide] of slides.entries()) {
          // A file page, so the bundled fonts (file: URLs) load; about:blank may not read them.
          const html = join(dir, `slide-${i}.html`);
          writeFileSync(html, slideHtml(slide, lang, i, slides.length));
          await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.screenshot({ path: join(dir, `slide-${i}.png`) });
          if (lang === 'zh-Hans') {
            const wav = await speak(slide.narration);
            const path = join(dir, `slide-${i}.wav`);
            writeFileSync(path, wav);
            wavs.push(path);
            durations.push(Math.round((duration(path) + 0.8) * 10) / 10);
          } else durations.push(CAPTION_SECONDS);
        }
        const total = Math.round(durations.reduce((a, b) => a + b, 0) * 10) / 10;
        if (total > MAX_SECONDS)
          throw new Error(`${program.id} ${lang}: ${total} s > ${MAX_SECONDS} s`);
        // Slides: concat demuxer with a duration each (the last one listed twice, as ffmpeg wants).
        const list = slides
          .map((_, i) => `file 'slide-${i}.png'\nduration ${durations[i]}\n`)
          .join('');
        writeFileSync(join(dir, 'slides.txt'), `${list}file 'slide-${slides.length - 1}.png'\n`);
        let audio: string[];
        if (lang === 'zh-Hans') {
          // Each narration padded to its slide's length, then joined.
          const parts = wavs.map((w, i) => {
            const padded = join(dir, `pad-${i}.wav`);
            execFileSync('ffmpeg', [
              '-loglevel',
              'error',
              '-y',
              '-i',
              w,
              '-af',
              `apad=whole_dur=${durations[i]}`,
              '-ar',
              '22050',
              '-ac',
              '1',
              padded,
            ]);
            return `file '${padded}'\n`;
          });
          writeFileSync(join(dir, 'audio.txt'), parts.join(''));
          audio = ['-f', 'concat', '-safe', '0', '-i', join(dir, 'audio.txt')];
        } else audio = ['-f', 'lavfi', '-t', String(total), '-i', 'anullsrc=r=22050:cl=mono'];
        const name = `${program.id}.${lang}.mp4`;
        const out = join(OUT_DIR, name);
        execFileSync('ffmpeg', [
          '-loglevel',
          'error',
          '-y',
          '-f',
          'concat',
          '-safe',
          '0',
          '-i',
          join(dir, 'slides.txt'),
          ...audio,
          '-map',
          '0:v',
          '-map',
          '1:a',
          '-vf',
          'fps=5,format=yuv420p',
          '-c:v',
          'libx264',
          '-preset',
          'veryslow',
          '-tune',
          'stillimage',
          '-crf',
          '30',
          '-profile:v',
          'main',
          '-c:a',
          'aac',
          '-b:a',
          '32k',
          '-ac',
          '1',
          '-t',
          String(total),
          '-movflags',
          '+faststart',
          '-metadata',
          `title=${program.id} (sample)`,
          '-metadata',
          'comment=sample: generated from the program text',
          out,
        ]);
        const bytes = readFileSync(out);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        manifest.push({
          file: `programs/${name}`,
          language: lang,
          seconds: total,
          bytes: bytes.length,
          sha256,
        });
        media.push({
          kind: 'video',
          language: lang,
          file: `media/programs/${name}`,
          durationSeconds: total,
          bytes: bytes.length,
          sha256,
          available: true,
        });
        console.log(`${name}: ${total} s, ${(bytes.length / 1024).toFixed(0)} KB`);
      }
      program.media = media;
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  source.note =
    'Programme outlines planned with the center. The media files are SAMPLE narrated slide programs made from this text by tv-client/scripts/make-programs.ts (Chinese: espeak-ng; Mongolian: captions only, no recording exists yet).';
  writeFileSync(SOURCES, `${JSON.stringify(source, null, 2)}\n`);
  writeFileSync(
    join(OUT_DIR, 'manifest.json'),
    `${JSON.stringify({ sample: true, generator: 'tv-client/scripts/make-programs.ts', files: manifest }, null, 2)}\n`,
  );
  console.log(`${manifest.length} program file(s) made; now run npm run content:build`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
