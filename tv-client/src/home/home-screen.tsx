/** Home: the three sections of the terminal (想看的 / 想选的 / 想问的), my questions and help. */
import { useRef } from 'react';
import { Text } from '@pls/shared/ui';
import { Tile } from '../ui/tile';
import { useScreenCommands, useTvNav } from '../ui/remote';

/** Typing 0000 on home opens the technician's key screen (not in the legend on purpose). */
const TECHNICIAN_SEQUENCE = '0000';

export function HomeScreen({ unseenAnswers }: { readonly unseenAnswers: number }) {
  const nav = useTvNav();
  const typed = useRef('');
  useScreenCommands((command) => {
    if (command.kind !== 'digit') return false;
    typed.current = (typed.current + String(command.digit)).slice(-TECHNICIAN_SEQUENCE.length);
    if (typed.current === TECHNICIAN_SEQUENCE) {
      typed.current = '';
      nav.push({ id: 'technician' });
    }
    return true;
  });
  return (
    <div className="tv-home">
      <div className="tv-home__sections">
        <Tile
          focusKey="home:watch"
          className="tv-tile--section tv-tile--watch"
          onOk={() => nav.push({ id: 'watch' })}
        >
          <Text k="tv:home.watch" as="strong" />
          <Text k="tv:home.watchHint" className="tv-hint" />
        </Tile>
        <Tile
          focusKey="home:choose"
          className="tv-tile--section tv-tile--choose"
          onOk={() => nav.push({ id: 'choose' })}
        >
          <Text k="tv:home.choose" as="strong" />
          <Text k="tv:home.chooseHint" className="tv-hint" />
        </Tile>
        <Tile
          focusKey="home:ask"
          className="tv-tile--section tv-tile--ask"
          onOk={() => nav.push({ id: 'ask' })}
        >
          <Text k="tv:home.ask" as="strong" />
          <Text k="tv:home.askHint" className="tv-hint" />
        </Tile>
      </div>
      <div className="tv-home__more">
        <Tile focusKey="home:myQuestions" onOk={() => nav.push({ id: 'myQuestions' })}>
          <Text k="tv:home.myQuestions" />
          {unseenAnswers > 0 ? (
            <Text k="tv:notify.newAnswers" values={{ n: unseenAnswers }} className="tv-badge" />
          ) : null}
        </Tile>
        <Tile focusKey="home:help" onOk={() => nav.push({ id: 'help' })}>
          <Text k="tv:home.help" />
        </Tile>
      </div>
    </div>
  );
}
