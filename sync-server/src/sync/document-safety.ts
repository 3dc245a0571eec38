/**
 * What a pushed value must be before anything recursive (JSON.stringify, the schema check,
 * deep-equal) or the database touches it: nested at most MAX_DOCUMENT_DEPTH deep, and every
 * string (keys too) free of what PostgreSQL's jsonb refuses or what no field of the domain
 * allows. Found without recursion, so a value nested 10,000 deep is refused, not a stack
 * overflow (a 500 that made the device retry the batch forever).
 *
 * Refused in any string: U+0000 (jsonb cannot store it), a lone UTF-16 surrogate (not a
 * character; jsonb refuses it), C0 controls other than tab, line feed and carriage return (a
 * free-text description may hold lines), U+007F and the C1 controls U+0080–U+009F. Mongolian
 * format controls (FVS, MVS U+180E, NNBSP U+202F) and ZWJ are letters' helpers, not controls:
 * allowed.
 */

/** The deepest schema (applications → attachments → item → …) is 5 levels; 32 leaves room. */
export const MAX_DOCUMENT_DEPTH = 32;

export type UnsafeKind = 'too_deep' | 'nul' | 'lone_surrogate' | 'control_character';

export interface UnsafeValue {
  readonly kind: UnsafeKind;
  /** JSON pointer of the value (or the parent of the key) that is refused. */
  readonly path: string;
  /** UTF-16 index of the refused unit in its string, for strings. */
  readonly at?: number;
  readonly codeUnit?: number;
}

/** The first refused unit of `text`, or null. A tiny state machine over UTF-16 units. */
export function unsafeUnitIn(text: string): { at: number; kind: UnsafeKind; unit: number } | null {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return { at: i, kind: 'nul', unit };
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a whole pair: one character outside the BMP
        continue;
      }
      return { at: i, kind: 'lone_surrogate', unit };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { at: i, kind: 'lone_surrogate', unit };
    if (
      (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) ||
      (unit >= 0x7f && unit <= 0x9f)
    ) {
      return { at: i, kind: 'control_character', unit };
    }
  }
  return null;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The first problem of `value` in document order, or null when it may go on. */
export function findUnsafeValue(
  value: unknown,
  maxDepth: number = MAX_DOCUMENT_DEPTH,
): UnsafeValue | null {
  // Explicit stack of [value, pointer, depth]: no recursion, whatever the nesting.
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length > 0) {
    const [current, path, depth] = stack.pop()!;
    if (typeof current === 'string') {
      const bad = unsafeUnitIn(current);
      if (bad) return { kind: bad.kind, path, at: bad.at, codeUnit: bad.unit };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return { kind: 'too_deep', path };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push([current[i], `${path}/${i}`, depth + 1]);
      }
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const bad = unsafeUnitIn(key);
      if (bad) return { kind: bad.kind, path, at: bad.at, codeUnit: bad.unit };
      stack.push([
        (current as Record<string, unknown>)[key],
        `${path}/${escapePointer(key)}`,
        depth + 1,
      ]);
    }
  }
  return null;
}

/** At most `max` characters of refused input for an error message; never splits a pair. */
export function clip(text: string, max = 100): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}

export function describeUnsafeValue(problem: UnsafeValue): string {
  const where = clip(problem.path === '' ? '/' : problem.path, 100);
  const unit =
    problem.codeUnit === undefined
      ? ''
      : ` U+${problem.codeUnit.toString(16).toUpperCase().padStart(4, '0')} at index ${problem.at}`;
  switch (problem.kind) {
    case 'too_deep':
      return `${where} is nested deeper than ${MAX_DOCUMENT_DEPTH} levels`;
    case 'nul':
      return `${where} contains a NUL character${unit}`;
    case 'lone_surrogate':
      return `${where} contains a lone UTF-16 surrogate${unit} (not a character)`;
    case 'control_character':
      return `${where} contains a control character${unit}`;
  }
}
