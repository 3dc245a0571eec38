/** Live documents of a local collection (RxDB query observable), as plain objects. */
import { useEffect, useState } from 'react';
import type { LocalCollections, LocalDatabase } from '@pls/shared/db';

type Name = 'content' | 'directory' | 'questions' | 'case_updates';
type DocOf<N extends Name> =
  NonNullable<LocalCollections[N]> extends {
    find(): { $: { subscribe(f: (docs: (infer D)[]) => void): unknown } };
  }
    ? D extends { toJSON(): infer J }
      ? J
      : never
    : never;

export function useCollection<N extends Name>(db: LocalDatabase, name: N): DocOf<N>[] {
  const [docs, setDocs] = useState<DocOf<N>[]>([]);
  useEffect(() => {
    const collection = db.collections[name] as unknown as
      | {
          find(): {
            $: { subscribe(f: (docs: { toJSON(): unknown }[]) => void): { unsubscribe(): void } };
          };
        }
      | undefined;
    if (!collection) return;
    const subscription = collection
      .find()
      .$.subscribe((found) => setDocs(found.map((d) => d.toJSON() as DocOf<N>)));
    return () => subscription.unsubscribe();
  }, [db, name]);
  return docs;
}
