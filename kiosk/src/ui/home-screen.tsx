/** The first screen: the services this kiosk offers, as large tiles, and a quiet staff entry. */
import { useEffect } from 'react';
import { BigButton, ScrollArea, Text, useLanguage } from '@pls/shared/ui';
import { useVoice } from '@pls/shared/voice';
import type { ServiceScreen } from '../session/session-reducer';
import { useStationName } from './runtime';

export function HomeScreen({
  onOpen,
  onStaff,
}: {
  onOpen: (service: ServiceScreen) => void;
  onStaff: () => void;
}) {
  const voice = useVoice();
  const { language } = useLanguage();
  const station = useStationName();
  useEffect(() => {
    void voice.speak('kiosk:home.prompt');
  }, [voice, language]);
  return (
    <section className="k-home" data-testid="home" aria-labelledby="home-title">
      {/* A portrait screen does not show both services at once in Mongolian: it says so. */}
      <ScrollArea className="k-home__scroll">
        <div className="k-home__content">
          <div className="k-home__head">
            <Text as="h2" k="kiosk:home.title" id="home-title" className="k-home__title" />
            {station.known ? <Text text={station.name} className="k-station" /> : null}
            <Text as="p" k="kiosk:home.prompt" />
          </div>
          <div className="k-home__services">
            <button
              type="button"
              className="k-service"
              data-service="apply"
              onClick={() => onOpen('apply')}
            >
              <svg
                viewBox="0 0 24 24"
                className="k-service__icon"
                aria-hidden="true"
                focusable="false"
              >
                <path d="M6 2.5h9l4 4v15H6v-19Z M15 2.5v4h4 M9 11h7 M9 15h7 M9 19h4" />
              </svg>
              <Text k="kiosk:home.apply" className="k-service__label" />
              <Text k="kiosk:home.applyHint" className="k-service__hint" />
            </button>
            <button
              type="button"
              className="k-service"
              data-service="track"
              onClick={() => onOpen('track')}
            >
              <svg
                viewBox="0 0 24 24"
                className="k-service__icon"
                aria-hidden="true"
                focusable="false"
              >
                <path d="M10.5 3.5a7 7 0 1 1 0 14 7 7 0 0 1 0-14Z M15.5 15.5l5 5 M7.5 10.5l2 2 4-4" />
              </svg>
              <Text k="kiosk:home.track" className="k-service__label" />
              <Text k="kiosk:home.trackHint" className="k-service__hint" />
            </button>
          </div>
          <div className="k-home__foot">
            <Text as="p" k="kiosk:home.hotline" className="k-hint" />
            <BigButton
              label="kiosk:home.staff"
              className="k-act--staff-entry"
              icon="staff"
              variant="quiet"
              onPress={onStaff}
            />
          </div>
        </div>
      </ScrollArea>
    </section>
  );
}
