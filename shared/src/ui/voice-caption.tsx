/**
 * The caption of what the voice guide is saying. Highlighted when nothing can be heard (no clip,
 * no voice): then the caption is the prompt.
 */
import { useCaption } from '../voice/voice-context';
import { Icon } from './icons';
import { ScriptText } from './text';
import { useT } from './use-t';

export function VoiceCaption() {
  const caption = useCaption();
  const { t } = useT();
  return (
    <div
      className={`pls-caption${caption?.highlighted ? ' pls-caption--highlighted' : ''}`}
      role="status"
      aria-live="polite"
      aria-label={t('common:voice.caption')}
      hidden={caption === undefined}
    >
      {caption ? (
        <>
          <Icon name="speaker" />
          <ScriptText text={caption.text} language={caption.lang} />
        </>
      ) : null}
    </div>
  );
}
