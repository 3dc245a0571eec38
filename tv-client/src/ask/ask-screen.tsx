/** 想问的: the questions others asked (FAQ by topic), ask a question, my questions. */
import { Text } from '@pls/shared/ui';
import { Tile } from '../ui/tile';
import { useTvNav } from '../ui/remote';

export function AskScreen() {
  const nav = useTvNav();
  return (
    <div className="tv-page">
      <Text k="tv:home.ask" as="h2" className="tv-page__title" />
      <div className="tv-hub">
        <Tile focusKey="ask:faq" className="tv-tile--section" onOk={() => nav.push({ id: 'faq' })}>
          <Text k="tv:ask.faq" as="strong" />
        </Tile>
        <Tile
          focusKey="ask:new"
          className="tv-tile--section"
          onOk={() => nav.push({ id: 'askForm' })}
        >
          <Text k="tv:ask.new" as="strong" />
        </Tile>
        <Tile
          focusKey="ask:mine"
          className="tv-tile--section"
          onOk={() => nav.push({ id: 'myQuestions' })}
        >
          <Text k="tv:home.myQuestions" as="strong" />
        </Tile>
      </div>
    </div>
  );
}
