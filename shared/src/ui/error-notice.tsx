/**
 * An error a resident can act on, said aloud once when it appears (colour is never the only
 * cue). The default message tells them to try again or call staff.
 */
import { useEffect } from 'react';
import type { TranslationKey } from '../i18n/typed-keys';
import { useVoice } from '../voice/voice-context';
import { Icon } from './icons';
import { Text } from './text';

export function ErrorNotice({ message = 'common:error.generic' }: { message?: TranslationKey }) {
  const voice = useVoice();
  useEffect(() => {
    void voice.speak(message);
  }, [voice, message]);
  return (
    <div className="pls-error-notice" role="alert">
      <Icon name="syncError" />
      <Text k={message} />
    </div>
  );
}
