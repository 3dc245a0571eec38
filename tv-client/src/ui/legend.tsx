/** The colour keys' fixed jobs, always on screen; a letter and a word beside each colour. */
import { Text } from '@pls/shared/ui';
import type { TranslationKey } from '@pls/shared/i18n';

const KEYS: readonly { colour: string; letter: string; label: TranslationKey }[] = [
  { colour: 'red', letter: 'R', label: 'tv:legend.red' },
  { colour: 'green', letter: 'G', label: 'tv:legend.green' },
  { colour: 'yellow', letter: 'Y', label: 'tv:legend.yellow' },
  { colour: 'blue', letter: 'B', label: 'tv:legend.blue' },
];

export function Legend() {
  return (
    <footer className="tv-legend" aria-label="legend">
      {KEYS.map((key) => (
        <span key={key.colour} className="tv-legend__item">
          <span className={`tv-key-dot tv-key-dot--${key.colour}`} aria-hidden="true">
            {key.letter}
          </span>
          <Text k={key.label} />
        </span>
      ))}
    </footer>
  );
}
