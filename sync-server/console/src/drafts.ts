/**
 * Text a staff member is typing (a reason, an answer) is kept in the browser as they type, so
 * a server restart, an expired session or a closed tab loses nothing; cleared once sent.
 */
import { useCallback, useState } from 'react';

const PREFIX = 'pls-console-draft:';

export function useDraft(key: string): [string, (value: string) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState(() => window.localStorage.getItem(storageKey) ?? '');
  const update = useCallback(
    (next: string) => {
      setValue(next);
      if (next === '') window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, next);
    },
    [storageKey],
  );
  const clear = useCallback(() => update(''), [update]);
  return [value, update, clear];
}
