/**
 * The technician's key screen (type 0000 on home): shows what each key of this remote sends
 * and lets the technician teach the box an unknown remote: pick a command with OK, then press
 * the remote's key for it. Bindings are stored on the box and win over the default table.
 */
import { useEffect, useState } from 'react';
import { Text } from '@pls/shared/ui';
import type { TranslationKey } from '@pls/shared/i18n';
import { bindKey, COMMANDS, resolveKey, type NavCommand } from '../keys/key-map';
import { Tile } from '../ui/tile';
import { useTvNav } from '../ui/remote';

const COMMAND_KEY: Readonly<Record<NavCommand, TranslationKey>> = {
  up: 'tv:tech.cmd.up',
  down: 'tv:tech.cmd.down',
  left: 'tv:tech.cmd.left',
  right: 'tv:tech.cmd.right',
  ok: 'tv:tech.cmd.ok',
  back: 'tv:tech.cmd.back',
  red: 'tv:tech.cmd.red',
  green: 'tv:tech.cmd.green',
  yellow: 'tv:tech.cmd.yellow',
  blue: 'tv:tech.cmd.blue',
  playPause: 'tv:tech.cmd.playPause',
  play: 'tv:tech.cmd.play',
  pause: 'tv:tech.cmd.pause',
  stop: 'tv:tech.cmd.stop',
  rewind: 'tv:tech.cmd.rewind',
  fastForward: 'tv:tech.cmd.fastForward',
};

interface Seen {
  readonly key: string;
  readonly code: string;
  readonly keyCode: number;
}

export function KeyTesterScreen() {
  const nav = useTvNav();
  const [seen, setSeen] = useState<Seen | undefined>(undefined);
  const [learning, setLearning] = useState<NavCommand | undefined>(undefined);

  useEffect(() => {
    // Capture phase: the technician's key is seen before the app acts on it.
    const onKey = (event: KeyboardEvent) => {
      setSeen({ key: event.key, code: event.code, keyCode: event.keyCode });
      if (learning === undefined) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.keyCode > 0)
        nav.setCustomBindings(
          bindKey(nav.customBindings, { keyCode: event.keyCode, command: learning }),
        );
      setLearning(undefined);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [learning, nav]);

  const resolved = seen ? resolveKey(seen, nav.customBindings) : undefined;
  return (
    <div className="tv-page tv-tech">
      <Text k="tv:tech.title" as="h2" className="tv-page__title" />
      <div className="tv-tech__seen" role="status" aria-live="polite" data-testid="key-seen">
        <Text k="tv:tech.lastKey" />
        <code lang="en">
          {seen ? `key=${seen.key} code=${seen.code} keyCode=${seen.keyCode}` : '—'}
        </code>
        {resolved ? (
          <Text
            k={resolved.kind === 'digit' ? 'tv:tech.isDigit' : COMMAND_KEY[resolved.command]}
            values={resolved.kind === 'digit' ? { n: resolved.digit } : {}}
          />
        ) : (
          <Text k="tv:tech.unknown" />
        )}
      </div>
      {learning ? (
        <Text k="tv:tech.pressNow" as="p" className="tv-problem" />
      ) : (
        <Text k="tv:tech.pick" as="p" />
      )}
      <div className="tv-grid tv-grid--small">
        {COMMANDS.map((command) => (
          <Tile
            key={command}
            focusKey={`tech:${command}`}
            onOk={() => setLearning(command)}
            pressed={learning === command}
          >
            <Text k={COMMAND_KEY[command]} />
          </Tile>
        ))}
        <Tile focusKey="tech:reset" onOk={() => nav.setCustomBindings([])}>
          <Text k="tv:tech.reset" />
        </Tile>
      </div>
      <Text k="tv:tech.count" values={{ n: nav.customBindings.length }} className="tv-quiet" />
    </div>
  );
}
