/**
 * Reading an item's text aloud. Chinese: the box's speech synthesis if it has a Mandarin
 * voice (espeak-ng on Debian boxes). Mongolian: no offline synthesis exists (only human
 * recordings), so the text stays on screen and the viewer is told so: never a Chinese voice
 * reading Mongolian, never a silent pretend.
 */
import { pickSpeechVoice } from '@pls/shared/voice';
import type { Language } from '@pls/shared/i18n';

export type ReadAloudOutcome = 'speaking' | 'noVoice' | 'noMongolianVoice';

export function readAloud(
  text: string,
  language: Language,
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): ReadAloudOutcome {
  if (language === 'mn-Mong') return 'noMongolianVoice';
  const voice = synth ? pickSpeechVoice(synth.getVoices(), language) : undefined;
  if (!synth || !voice) return 'noVoice';
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  synth.speak(utterance);
  return 'speaking';
}

export function stopReading(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): void {
  synth?.cancel();
}
