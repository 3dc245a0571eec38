/** 想选的: the legal-aid self-check, stations and hotlines, and a callback request. */
import { Text } from '@pls/shared/ui';
import { Tile } from '../ui/tile';
import { useTvNav } from '../ui/remote';

export function ChooseScreen() {
  const nav = useTvNav();
  return (
    <div className="tv-page">
      <Text k="tv:home.choose" as="h2" className="tv-page__title" />
      <div className="tv-hub">
        <Tile
          focusKey="choose:eligibility"
          className="tv-tile--section"
          onOk={() => nav.push({ id: 'eligibility' })}
        >
          <Text k="tv:choose.eligibility" as="strong" />
        </Tile>
        <Tile
          focusKey="choose:stations"
          className="tv-tile--section"
          onOk={() => nav.push({ id: 'stations' })}
        >
          <Text k="tv:choose.stations" as="strong" />
        </Tile>
        <Tile
          focusKey="choose:callback"
          className="tv-tile--section"
          onOk={() => nav.push({ id: 'askForm' })}
        >
          <Text k="tv:choose.callback" as="strong" />
        </Tile>
      </div>
    </div>
  );
}
