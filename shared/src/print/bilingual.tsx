/** @jsxRuntime automatic @jsxImportSource react */
/**
 * A label in Chinese, with its traditional Mongolian beside it (vertical, as Mongolian is
 * written) when the resident chose Mongolian.
 */
import type { ReactNode } from 'react';

export interface BilingualProps {
  readonly zh: ReactNode;
  /** Absent in a Chinese-only document. */
  readonly mn: string | undefined;
  readonly className?: string;
}

export function Bilingual({ zh, mn, className = 'lbl' }: BilingualProps) {
  return (
    <span className={className}>
      {mn !== undefined && (
        <span className="mn-v" lang="mn-Mong">
          {mn}
        </span>
      )}
      <span lang="zh-Hans">{zh}</span>
    </span>
  );
}
