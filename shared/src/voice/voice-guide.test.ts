import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../i18n/languages';
import { textHash } from '../i18n/text-hash';
import { parseVoiceManifest, type VoiceClip, type VoiceManifest } from './manifest';
import { pickSpeechVoice } from './speech';
import { createVoiceGuide, type AudioLike, type UtteranceLike } from './voice-guide';

const TEXTS: Record<Language, Record<string, string>> = {
  'zh-Hans': { 'common:nav.home': '首页', 'common:digit.1': '一', 'common:digit.2': '二' },
  'mn-Mong': {
    'common:nav.home': 'ᠲᠡᠷᠢᠭᠦᠨ ᠨᠢᠭᠤᠷ',
    'common:digit.1': 'ᠨᠢᠭᠡ',
    'common:digit.2': 'ᠬᠣᠶᠠᠷ',
  },
};

function clip(key: string, lang: Language, text: string, source: VoiceClip['source'] = 'recorded') {
  return {
    key,
    lang,
    file: `${lang}/${key.replace(':', '/')}.ogg`,
    textHash: textHash(text),
    duration: 1,
    source,
  };
}

/** A fake audio element: records plays; the test decides whether it ends or fails. */
function fakeAudio(outcome: 'ended' | 'error' | 'reject' = 'ended') {
  const played: string[] = [];
  const create = (url: string): AudioLike => {
    const handlers: Record<string, () => void> = {};
    return {
      play: () => {
        played.push(url);
        if (outcome === 'reject') return Promise.reject(new Error('NotAllowedError'));
        queueMicrotask(() => handlers[outcome]?.());
        return Promise.resolve();
      },
      pause: vi.fn(),
      addEventListener: (type, listener) => {
        handlers[type] = listener;
      },
    };
  };
  return { played, create };
}

function fakeSpeech(voices: { name: string; lang: string; localService: boolean }[]) {
  const spoken: UtteranceLike[] = [];
  return {
    spoken,
    speech: {
      synth: {
        getVoices: () => voices,
        speak: (u: UtteranceLike) => {
          spoken.push(u);
          queueMicrotask(() => u.onend?.());
        },
        cancel: vi.fn(),
      },
      createUtterance: (text: string) =>
        ({ text, lang: '', voice: null, rate: 1, onend: null, onerror: null }) as UtteranceLike & {
          text: string;
        },
    },
  };
}

const mandarin = { name: 'Chinese (Mandarin) espeak-ng', lang: 'cmn', localService: true };

function guide(manifest: VoiceManifest, audio = fakeAudio(), speech = fakeSpeech([mandarin])) {
  const g = createVoiceGuide({
    manifest,
    textOf: (key, lang) => TEXTS[lang][key] ?? '',
    clipUrl: (file) => `/voice/${file}`,
    createAudio: audio.create,
    speech: speech.speech,
  });
  return { g, audio, speech };
}

describe('voice guide', () => {
  it('plays the current clip of the language and captions it without highlight', async () => {
    const { g, audio } = guide({ version: 1, clips: [clip('common:nav.home', 'zh-Hans', '首页')] });
    await expect(g.speak('common:nav.home', 'zh-Hans')).resolves.toBe('clip');
    expect(audio.played).toEqual(['/voice/zh-Hans/common/nav.home.ogg']);
    expect(g.caption).toEqual({
      key: 'common:nav.home',
      lang: 'zh-Hans',
      text: '首页',
      highlighted: false,
    });
  });

  it('does not play a stale clip; Chinese falls back to a Mandarin voice', async () => {
    const { g, audio, speech } = guide({
      version: 1,
      clips: [clip('common:nav.home', 'zh-Hans', '主页')],
    });
    await expect(g.speak('common:nav.home', 'zh-Hans')).resolves.toBe('speech');
    expect(audio.played).toEqual([]);
    expect(speech.spoken.map((u) => [u.lang, u.voice?.name])).toEqual([['cmn', mandarin.name]]);
  });

  it('never speaks Mongolian with a synthetic voice: it shows the caption highlighted', async () => {
    const { g, speech } = guide({ version: 1, clips: [] });
    await expect(g.speak('common:nav.home', 'mn-Mong')).resolves.toBe('caption');
    expect(speech.spoken).toEqual([]);
    expect(g.caption).toMatchObject({ text: 'ᠲᠡᠷᠢᠭᠦᠨ ᠨᠢᠭᠤᠷ', highlighted: true });
  });

  it('plays a recorded Mongolian clip', async () => {
    const { g, audio } = guide({
      version: 1,
      clips: [clip('common:nav.home', 'mn-Mong', 'ᠲᠡᠷᠢᠭᠦᠨ ᠨᠢᠭᠤᠷ')],
    });
    await expect(g.speak('common:nav.home', 'mn-Mong')).resolves.toBe('clip');
    expect(audio.played).toEqual(['/voice/mn-Mong/common/nav.home.ogg']);
  });

  it('falls back when the clip fails to load or autoplay is refused', async () => {
    const manifest = { version: 1, clips: [clip('common:nav.home', 'zh-Hans', '首页')] } as const;
    await expect(
      guide(manifest, fakeAudio('error')).g.speak('common:nav.home', 'zh-Hans'),
    ).resolves.toBe('speech');
    await expect(
      guide(manifest, fakeAudio('reject')).g.speak('common:nav.home', 'zh-Hans'),
    ).resolves.toBe('speech');
  });

  it('shows the caption when Linux gives no voices at all', async () => {
    const { g } = guide({ version: 1, clips: [] }, fakeAudio(), fakeSpeech([]));
    await expect(g.speak('common:nav.home', 'zh-Hans')).resolves.toBe('caption');
    expect(g.caption?.highlighted).toBe(true);
  });

  it('plays a sequence of digit clips in order', async () => {
    const manifest = {
      version: 1,
      clips: [clip('common:digit.1', 'zh-Hans', '一'), clip('common:digit.2', 'zh-Hans', '二')],
    } as const;
    const { g, audio } = guide(manifest);
    await expect(g.speakSequence(['common:digit.2', 'common:digit.1'], 'zh-Hans')).resolves.toBe(
      'clip',
    );
    expect(audio.played).toEqual([
      '/voice/zh-Hans/common/digit.2.ogg',
      '/voice/zh-Hans/common/digit.1.ogg',
    ]);
    expect(g.caption?.text).toBe('二一');
  });

  it('stop() clears the caption and notifies subscribers', async () => {
    const { g } = guide({ version: 1, clips: [] }, fakeAudio(), fakeSpeech([]));
    const seen: unknown[] = [];
    g.subscribe((c) => seen.push(c?.highlighted));
    await g.speak('common:nav.home', 'mn-Mong');
    g.stop();
    expect(g.caption).toBeUndefined();
    expect(seen).toEqual([false, true, undefined]);
  });
});

describe('pickSpeechVoice', () => {
  const voices = [
    { name: 'yue', lang: 'yue', localService: true },
    { name: 'hk', lang: 'zh-HK', localService: true },
    { name: 'tw', lang: 'zh-TW', localService: true },
    { name: 'cmn', lang: 'cmn', localService: true },
    { name: 'cn-online', lang: 'zh-CN', localService: false },
    { name: 'mn', lang: 'mn', localService: true },
  ];
  it('prefers Simplified Mandarin and never picks Cantonese', () => {
    expect(pickSpeechVoice(voices, 'zh-Hans')?.name).toBe('cmn');
    expect(
      pickSpeechVoice([...voices, { name: 'cn', lang: 'zh_CN', localService: true }], 'zh-Hans')
        ?.name,
    ).toBe('cn');
    expect(pickSpeechVoice(voices.slice(0, 2), 'zh-Hans')).toBeUndefined();
  });
  it('returns nothing for Mongolian, even when a voice tagged mn exists', () => {
    expect(pickSpeechVoice(voices, 'mn-Mong')).toBeUndefined();
  });
});

describe('parseVoiceManifest', () => {
  it('accepts a valid manifest', () => {
    const value = { version: 1, clips: [clip('common:nav.home', 'zh-Hans', '首页', 'tts')] };
    expect(parseVoiceManifest(value)).toEqual({ ok: true, value });
  });
  it('rejects bad fields, duplicate clips, path escapes and generated Mongolian', () => {
    const good = clip('common:nav.home', 'zh-Hans', '首页');
    const result = parseVoiceManifest({
      version: 1,
      clips: [
        good,
        good,
        { ...good, lang: 'mn' },
        { ...good, key: 'home', lang: 'mn-Mong' },
        { ...good, lang: 'mn-Mong', key: 'common:x', file: '../secret.ogg' },
        { ...clip('common:y', 'mn-Mong', 'ᠨᠢᠭᠡ', 'tts') },
        { ...good, key: 'common:z', duration: -1, textHash: 'abc' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      'clips[1]: second clip for zh-Hans common:nav.home',
      'clips[2].lang is not zh-Hans or mn-Mong',
      'clips[3].key is not ns:key',
      'clips[4].file is not a relative audio path',
      'clips[5]: Mongolian clips must be recordings',
      'clips[6].textHash is not a sha256 hex',
      'clips[6].duration is not a length in seconds',
    ]);
  });
});
