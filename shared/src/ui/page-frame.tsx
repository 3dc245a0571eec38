/**
 * The frame of every kiosk and TV screen: Home, Back (when there is somewhere to go back to),
 * the page title, the sync badge, the font-size switch, the language switch and Call staff, all
 * always visible; the screen's content scrolls below them.
 */
import type { ReactNode } from 'react';
import type { TranslationKey } from '../i18n/typed-keys';
import { BigButton } from './big-button';
import { FontSizeControl } from './font-size-control';
import { LanguageSwitch } from './language-switch';
import { SyncBadge, type SyncBadgeStatus } from './sync-badge';
import { Text } from './text';
import { useLanguage } from './ui-provider';
import { VoiceCaption } from './voice-caption';

export interface PageFrameProps {
  readonly title?: TranslationKey;
  readonly onHome: () => void;
  readonly onBack?: () => void;
  readonly onCallStaff: () => void;
  /** Call staff was raised: the button says so until the app clears it. */
  readonly staffCalled?: boolean;
  readonly syncStatus: SyncBadgeStatus;
  readonly now?: Date;
  readonly children: ReactNode;
}

export function PageFrame({
  title = 'common:app.title',
  onHome,
  onBack,
  onCallStaff,
  staffCalled = false,
  syncStatus,
  now,
  children,
}: PageFrameProps) {
  const { language } = useLanguage();
  return (
    <div className="pls-frame" data-language={language}>
      <header className="pls-frame__bar">
        <nav className="pls-frame__nav">
          <BigButton label="common:nav.home" icon="home" onPress={onHome} />
          {onBack ? (
            <BigButton label="common:nav.back" icon="back" variant="secondary" onPress={onBack} />
          ) : null}
        </nav>
        <Text as="h1" k={title} className="pls-frame__title" />
        <div className="pls-frame__tools">
          <SyncBadge status={syncStatus} {...(now ? { now } : {})} />
          <FontSizeControl />
          <LanguageSwitch />
          <BigButton
            label={staffCalled ? 'common:nav.callStaffSent' : 'common:nav.callStaff'}
            icon="staff"
            variant="alert"
            pressed={staffCalled}
            onPress={onCallStaff}
          />
        </div>
      </header>
      <main className="pls-frame__main">{children}</main>
      <VoiceCaption />
    </div>
  );
}
