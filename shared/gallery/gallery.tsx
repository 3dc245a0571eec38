/** Every UI-kit component on one page, in the current language. */
import { useMemo, useState, type ReactNode } from 'react';
import { CASE_CATEGORIES, HARDSHIP_BASES } from '../src/domain/vocabulary';
import { familyKey } from '../src/i18n/key-families';
import type { TranslationKey } from '../src/i18n/typed-keys';
import { BigButton } from '../src/ui/big-button';
import { ErrorNotice } from '../src/ui/error-notice';
import { IdleGuard } from '../src/ui/idle-guard';
import { OnScreenKeyboard } from '../src/ui/keyboard/on-screen-keyboard';
import { Listbox } from '../src/ui/listbox';
import { PageFrame } from '../src/ui/page-frame';
import { ReadingView } from '../src/ui/reading-view';
import { ReplayButton } from '../src/ui/replay-button';
import { SyncBadge, type SyncBadgeStatus } from '../src/ui/sync-badge';
import { BilingualText, Text } from '../src/ui/text';
import { useLanguage } from '../src/ui/ui-provider';
import type { CaseCategory, HardshipBasis } from '../src/domain/vocabulary';

function Card({
  title,
  wide = false,
  children,
}: {
  title: TranslationKey;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`gallery-card${wide ? ' gallery-card--wide' : ''}`}>
      <Text as="h2" k={title} className="gallery-card__title" />
      <div className="gallery-card__body">{children}</div>
    </section>
  );
}

export function Gallery({ idleSeconds }: { idleSeconds: number }) {
  const { language } = useLanguage();
  const [staffCalled, setStaffCalled] = useState(false);
  const [category, setCategory] = useState<CaseCategory | undefined>('grassland_land');
  const [bases, setBases] = useState<HardshipBasis[]>(['migrant_worker_wage_or_injury']);
  const [text, setText] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [resets, setResets] = useState(0);
  // Fixed for the page's life, so the screenshot says "3 minutes ago".
  const statuses = useMemo<SyncBadgeStatus[]>(
    () => [
      { kind: 'offline' },
      { kind: 'syncing' },
      { kind: 'upToDate', lastSuccessAt: new Date(Date.now() - 3 * 60_000) },
      { kind: 'error', reason: 'HTTP 503 from sync server' },
    ],
    [],
  );
  const sampleDate = '2026-11-23T06:30:00Z';

  return (
    <PageFrame
      title="gallery:title"
      onHome={() => setStaffCalled(false)}
      onBack={() => setStaffCalled(false)}
      onCallStaff={() => setStaffCalled(true)}
      staffCalled={staffCalled}
      syncStatus={statuses[2] ?? { kind: 'offline' }}
    >
      <IdleGuard
        timeoutSeconds={idleSeconds}
        warningSeconds={Math.min(30, Math.max(1, idleSeconds - 1))}
        onReset={() => setResets((n) => n + 1)}
      />
      <div className="gallery" data-resets={resets}>
        <Card title="gallery:section.text">
          <Text as="h3" k="gallery:sampleHeading" className="gallery-heading" />
          <Text k="gallery:mixedSample" className="gallery-mixed" />
          <BilingualText k={familyKey('domain:nation', '02')} className="gallery-bilingual" />
          <Text
            k={familyKey('domain:hardshipExplanation', 'migrant_worker_wage_or_injury')}
            className="gallery-explanation"
          />
        </Card>

        <Card title="gallery:section.dates">
          <Text k="gallery:dateSample" values={{ date: sampleDate }} className="gallery-date" />
          <Text k="gallery:amountSample" values={{ amount: 12800.5 }} className="gallery-amount" />
          <Text
            k="gallery:phoneSample"
            values={{ phone: '0471-6912348' }}
            className="gallery-phone"
          />
        </Card>

        <Card title="gallery:section.buttons">
          <div className="gallery-row">
            <BigButton label="common:nav.home" icon="home" onPress={() => {}} />
            <BigButton label="common:nav.back" icon="back" variant="secondary" onPress={() => {}} />
            <BigButton
              label="common:nav.callStaff"
              icon="staff"
              variant="alert"
              onPress={() => setStaffCalled(true)}
            />
            <BigButton label="common:keyboard.enter" icon="check" onPress={() => {}} disabled />
            <ReplayButton prompt="common:idle.warning" />
          </div>
        </Card>

        <Card title="common:sync.label">
          <div className="gallery-row gallery-row--wrap">
            {statuses.map((status) => (
              <SyncBadge key={status.kind} status={status} />
            ))}
          </div>
          <ErrorNotice />
        </Card>

        <Card title="gallery:section.listbox" wide>
          <Listbox
            label="common:listbox.placeholder"
            options={CASE_CATEGORIES.map((value) => ({
              value,
              label: familyKey('domain:caseCategory', value),
            }))}
            value={category}
            onChange={setCategory}
          />
          <Listbox
            label="common:listbox.placeholder"
            multiple
            options={HARDSHIP_BASES.map((value) => ({
              value,
              label: familyKey('domain:hardshipBasis', value),
            }))}
            value={bases}
            onChange={setBases}
          />
        </Card>

        <Card title="gallery:section.reading" wide>
          <ReadingView label="gallery:section.reading">
            <Text as="p" k="gallery:sampleBody" />
            <Text as="p" k={familyKey('domain:hardshipExplanation', 'means_test')} />
            <Text as="p" k={familyKey('domain:hardshipExplanation', 'dibao')} />
          </ReadingView>
        </Card>

        <Card title="common:keyboard.label" wide>
          <OnScreenKeyboard
            key={language}
            label="common:keyboard.label"
            value={text}
            onChange={setText}
            modes={
              language === 'mn-Mong'
                ? ['mongolian', 'pinyin', 'digits']
                : ['pinyin', 'mongolian', 'digits']
            }
          />
          <OnScreenKeyboard
            value={idNumber}
            onChange={setIdNumber}
            modes={['digits']}
            digitPad="idNumber"
            maxLength={18}
          />
          <OnScreenKeyboard
            value={phone}
            onChange={setPhone}
            modes={['digits']}
            digitPad="phone"
            maxLength={12}
          />
        </Card>
      </div>
    </PageFrame>
  );
}
