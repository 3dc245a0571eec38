/** The colour keys' fixed jobs, always on screen; a letter and a word beside each colour. */
import { Text } from '@pls/shared/ui';

export function Legend() {
  return (
    <footer className="tv-legend" aria-label="legend">
      <span className="tv-legend__item">
        <span className="tv-key-dot tv-key-dot--red" aria-hidden="true">
          R
        </span>
        <Text k="tv:legend.red" />
      </span>
      <span className="tv-legend__item">
        <span className="tv-key-dot tv-key-dot--green" aria-hidden="true">
          G
        </span>
        <Text k="tv:legend.green" />
      </span>
      <span className="tv-legend__item">
        <span className="tv-key-dot tv-key-dot--yellow" aria-hidden="true">
          Y
        </span>
        <Text k="tv:legend.yellow" />
      </span>
      <span className="tv-legend__item">
        <span className="tv-key-dot tv-key-dot--blue" aria-hidden="true">
          B
        </span>
        <Text k="tv:legend.blue" />
      </span>
    </footer>
  );
}
