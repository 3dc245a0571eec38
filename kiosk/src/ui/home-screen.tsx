/**
 * The first screen, and the one an idle kiosk shows: every service as a tile carrying its
 * Mongolian (vertical, first, as Inner Mongolia's public signs do) and Chinese name at once,
 * so a first-time reader of either language finds their service without switching language.
 * Tapping the Mongolian name continues in Mongolian, the Chinese name in Chinese. Urgent help
 * is one of the tiles, in the alert colour. The frame around it has the font-size and language
 * switches, Call staff and the sync badge.
 */
import { useEffect } from 'react';
import type { Language, TranslationKey } from '@pls/shared/i18n';
import { BigButton, Text, useLanguage } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import type { ServiceScreen } from '../session/session-reducer';
import './home-screen.css';

interface Tile {
  readonly service: ServiceScreen;
  readonly label: TranslationKey;
  readonly hint?: TranslationKey;
  readonly tone: 'primary' | 'paper' | 'alert';
  /** One 24×24 stroke path. */
  readonly icon: string;
}

/** In reading order; the home grid is 4 wide on a landscape screen and 3 wide on a portrait one. */
const HOME_TILES: readonly Tile[] = [
  {
    service: 'apply',
    label: 'kiosk:home.apply',
    hint: 'kiosk:home.applyHint',
    tone: 'primary',
    icon: 'M6 2.5h9l4 4v15H6v-19Z M15 2.5v4h4 M9 11h7 M9 15h7 M9 19h4',
  },
  {
    service: 'track',
    label: 'kiosk:home.track',
    hint: 'kiosk:home.trackHint',
    tone: 'paper',
    icon: 'M10.5 3.5a7 7 0 1 1 0 14 7 7 0 0 1 0-14Z M15.5 15.5l5 5 M7.5 10.5l2 2 4-4',
  },
  {
    service: 'ask',
    label: 'services:home.ask',
    hint: 'services:home.askHint',
    tone: 'paper',
    icon: 'M4 4.5h16v11H10l-4 4v-4H4z M12 8v.5 M12 10.5v2.5',
  },
  {
    service: 'book',
    label: 'services:home.book',
    hint: 'services:home.bookHint',
    tone: 'paper',
    icon: 'M4 5.5h16v15H4z M4 10h16 M8 3v5 M16 3v5 M8 14h3v3H8z',
  },
  {
    service: 'calculators',
    label: 'services:home.calculators',
    hint: 'services:home.calculatorsHint',
    tone: 'paper',
    icon: 'M5 2.5h14v19H5z M8 6h8v3H8z M8 13h1 M11.5 13h1 M15 13h1 M8 17h1 M11.5 17h1 M15 17h1',
  },
  {
    service: 'templates',
    label: 'services:home.templates',
    hint: 'services:home.templatesHint',
    tone: 'paper',
    icon: 'M6 2.5h9l4 4v15H6v-19Z M15 2.5v4h4 M9 12h7 M9 16h4 M13.5 19.5l5-5 1.5 1.5-5 5H13.5z',
  },
  {
    service: 'urgent',
    label: 'services:home.urgent',
    hint: 'services:home.urgentHint',
    tone: 'alert',
    icon: 'M12 3 2.5 20h19L12 3Z M12 9.5v5 M12 17.5v.5',
  },
];

export function HomeScreen({
  onOpen,
  onStaff,
}: {
  onOpen: (service: ServiceScreen) => void;
  onStaff: () => void;
}) {
  const voice = useVoice();
  const { language, setLanguage } = useLanguage();
  useEffect(() => {
    void voice.speak('kiosk:home.prompt');
  }, [voice, language]);
  const choose = (service: ServiceScreen, chosen: Language) => {
    if (chosen !== language) setLanguage(chosen);
    onOpen(service);
  };
  return (
    <section className="k-hub" data-testid="home" aria-labelledby="home-title">
      <div className="k-hub__head">
        <h2 id="home-title" className="k-hub__title">
          <Text k="kiosk:home.title" lang="mn-Mong" className="k-hub__mn" />
          <Text k="kiosk:home.title" lang="zh-Hans" className="k-hub__zh" />
        </h2>
        <p className="k-hub__hotline">
          <Text k="kiosk:home.hotline" lang="mn-Mong" className="k-hub__mn" />
          <Text k="kiosk:home.hotline" lang="zh-Hans" />
        </p>
        <BigButton
          label="kiosk:home.staff"
          className="k-act--staff-entry"
          icon="staff"
          variant="quiet"
          onPress={onStaff}
        />
      </div>
      <div className="k-hub__tiles">
        {HOME_TILES.map((tile) => (
          <div
            key={tile.service}
            className={`k-tile k-tile--${tile.tone}`}
            data-service={tile.service}
          >
            <button
              type="button"
              className="k-tile__mn"
              data-lang="mn-Mong"
              {...(tile.hint ? { 'aria-describedby': `hint-${tile.service}-mn` } : {})}
              onClick={() => choose(tile.service, 'mn-Mong')}
            >
              <Text k={tile.label} lang="mn-Mong" />
              {tile.hint ? (
                <Text
                  k={tile.hint}
                  lang="mn-Mong"
                  id={`hint-${tile.service}-mn`}
                  className="k-tile__hint"
                />
              ) : null}
            </button>
            <button
              type="button"
              className="k-tile__zh"
              data-lang="zh-Hans"
              {...(tile.hint ? { 'aria-describedby': `hint-${tile.service}-zh` } : {})}
              onClick={() => choose(tile.service, 'zh-Hans')}
            >
              <svg
                viewBox="0 0 24 24"
                className="k-tile__icon"
                aria-hidden="true"
                focusable="false"
              >
                <path d={tile.icon} />
              </svg>
              <Text k={tile.label} lang="zh-Hans" />
              {tile.hint ? (
                <Text
                  k={tile.hint}
                  lang="zh-Hans"
                  id={`hint-${tile.service}-zh`}
                  className="k-tile__hint"
                />
              ) : null}
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
