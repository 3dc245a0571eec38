/** 🔊 "再听一遍": says a prompt again, for people who read little. */
import type { TranslationKey } from '../i18n/typed-keys';
import { useVoice } from '../voice/voice-context';
import { BigButton } from './big-button';

export function ReplayButton({ prompt }: { prompt: TranslationKey }) {
  const voice = useVoice();
  return (
    <BigButton
      label="common:voice.replay"
      icon="speaker"
      variant="secondary"
      onPress={() => void voice.speak(prompt)}
    />
  );
}
