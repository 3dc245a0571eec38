/** Help (blue key): what each key of the remote does here. */
import { Text } from '@pls/shared/ui';
import type { TranslationKey } from '@pls/shared/i18n';
import { Tile } from '../ui/tile';
import { useTvNav } from '../ui/remote';

const LINES: readonly TranslationKey[] = [
  'tv:help.arrows',
  'tv:help.ok',
  'tv:help.back',
  'tv:help.red',
  'tv:help.green',
  'tv:help.yellow',
  'tv:help.blue',
  'tv:help.digits',
];

export function HelpScreen() {
  const nav = useTvNav();
  return (
    <div className="tv-page">
      <Text k="tv:help.title" as="h2" className="tv-page__title" />
      <ul className="tv-help">
        {LINES.map((k) => (
          <li key={k}>
            <Text k={k} />
          </li>
        ))}
      </ul>
      <Tile focusKey="help:home" onOk={() => nav.home()}>
        <Text k="tv:legend.yellow" />
      </Tile>
    </div>
  );
}
