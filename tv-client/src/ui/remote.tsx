/**
 * The remote control, for screens: which command a key event stands for (the key map plus the
 * technician's bindings) and a way for a screen to take commands before the app's defaults
 * (arrows move focus, OK activates, Back goes up one level, colour keys do their fixed jobs).
 */
import { createContext, useContext, useEffect, useRef } from 'react';
import { resolveKey, type Command, type CustomBinding } from '../keys/key-map';
import type { Screen } from '../nav/screen-stack';

/** A screen's own handling; true when it used the command. */
export type ScreenCommandHandler = (command: Command) => boolean;

export interface TvNav {
  push(screen: Screen): void;
  back(): void;
  home(): void;
  /** The command of a key event, or undefined. */
  resolve(event: { key: string; keyCode: number }): Command | undefined;
  setScreenHandler(handler: ScreenCommandHandler | undefined): void;
  /** What the green key reads on this screen (else the focused element's text). */
  setReadAloudText(text: { text: string; language: 'zh-Hans' | 'mn-Mong' } | undefined): void;
  readonly customBindings: readonly CustomBinding[];
  setCustomBindings(bindings: readonly CustomBinding[]): void;
}

export const TvNavContext = createContext<TvNav | undefined>(undefined);

export function useTvNav(): TvNav {
  const nav = useContext(TvNavContext);
  if (nav === undefined) throw new Error('useTvNav outside the TV app');
  return nav;
}

/** Registers a screen's command handler while the screen is shown (latest closure wins). */
export function useScreenCommands(handler: ScreenCommandHandler): void {
  const nav = useTvNav();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    nav.setScreenHandler((command) => ref.current(command));
    return () => nav.setScreenHandler(undefined);
  }, [nav]);
}

export function resolveWith(custom: readonly CustomBinding[]) {
  return (event: { key: string; keyCode: number }) =>
    resolveKey({ key: event.key, keyCode: event.keyCode }, custom);
}
