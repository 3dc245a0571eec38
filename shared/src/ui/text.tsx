/**
 * Text in the interface language, laid out as its script wants: Mongolian in vertical columns
 * (writing-mode: vertical-lr) tagged mn-Mong-CN and scaled ×1.25, Chinese horizontal tagged
 * zh-Hans-CN. Han inside Mongolian (a name, a fallback) is tagged zh-Hans-CN so Chromium uses
 * Chinese glyph forms; one- and two-digit numbers stand upright in a column.
 */
import type { ElementType } from 'react';
import { useT } from './use-t';
import { pickText, type LocalizedText } from '../domain/localized-text';
import { currentLanguage, textOfKey } from '../i18n/create-i18n';
import { HTML_LANG, type Language } from '../i18n/languages';
import type { TranslationKey } from '../i18n/typed-keys';
import { splitScriptRuns, UPRIGHT_DIGITS_MAX } from './script-runs';

type Tag = 'span' | 'p' | 'div' | 'h1' | 'h2' | 'h3' | 'label' | 'strong';

interface Common {
  readonly as?: Tag;
  readonly className?: string;
  readonly id?: string;
  /** Mongolian in a vertical column (default). False for a short run inside a horizontal line. */
  readonly vertical?: boolean;
  /** Show this language instead of the interface language. */
  readonly lang?: Language;
}

export type TextProps = Common &
  (
    | {
        readonly k: TranslationKey;
        readonly values?: Record<string, unknown>;
        readonly text?: never;
        readonly children?: never;
      }
    | { readonly text: LocalizedText; readonly k?: never; readonly children?: never }
    | { readonly children: string; readonly k?: never; readonly text?: never }
  );

export function Text(props: TextProps) {
  // useT subscribes the component to language changes.
  const { i18n } = useT();
  const language = props.lang ?? currentLanguage(i18n);
  let text: string;
  let textLanguage: Language = language;
  if (props.k !== undefined) {
    // A typed key; values are checked by the strings' own placeholders in the locale test.
    text = textOfKey(i18n, props.k, language, props.values);
  } else if (props.text !== undefined) {
    const picked = pickText(props.text, language);
    text = picked.text;
    textLanguage = picked.language;
  } else {
    text = props.children;
  }
  return (
    <ScriptText
      text={text}
      language={textLanguage}
      as={props.as}
      className={props.className}
      id={props.id}
      vertical={props.vertical ?? true}
    />
  );
}

export interface ScriptTextProps {
  readonly text: string;
  readonly language: Language;
  readonly as?: Tag | undefined;
  readonly className?: string | undefined;
  readonly id?: string | undefined;
  readonly vertical?: boolean | undefined;
}

/** Renders a string of a known language with its script runs tagged. */
export function ScriptText({
  text,
  language,
  as = 'span',
  className,
  id,
  vertical = true,
}: ScriptTextProps) {
  const Element = as as ElementType;
  const runs = splitScriptRuns(text);
  if (language === 'mn-Mong') {
    const classes = ['pls-text', 'pls-mn-run', vertical ? 'pls-mong' : '', className ?? '']
      .filter(Boolean)
      .join(' ');
    return (
      <Element lang={HTML_LANG['mn-Mong']} className={classes} id={id}>
        {runs.map((run, i) => {
          if (run.kind === 'han') {
            return (
              <span key={i} lang={HTML_LANG['zh-Hans']} className="pls-han-run">
                {run.text}
              </span>
            );
          }
          if (run.kind === 'digits' && vertical && run.text.length <= UPRIGHT_DIGITS_MAX) {
            return (
              <span key={i} className="pls-tcy">
                {run.text}
              </span>
            );
          }
          return run.text;
        })}
      </Element>
    );
  }
  const classes = ['pls-text', 'pls-zh', className ?? ''].filter(Boolean).join(' ');
  return (
    <Element lang={HTML_LANG['zh-Hans']} className={classes} id={id}>
      {runs.map((run, i) =>
        run.kind === 'mongolian' ? (
          <span key={i} lang={HTML_LANG['mn-Mong']} className="pls-mn-run">
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </Element>
  );
}

export type BilingualTextProps = Pick<Common, 'as' | 'className'> &
  (
    | {
        readonly k: TranslationKey;
        readonly values?: Record<string, unknown>;
        readonly text?: never;
      }
    | { readonly text: LocalizedText; readonly k?: never }
  );

/**
 * Both languages side by side, whatever the interface language: Chinese horizontal, Mongolian
 * vertical beside it. For the language choice, signs and staff screens.
 */
export function BilingualText(props: BilingualTextProps) {
  const { i18n } = useT();
  const textOf = (language: Language) =>
    props.k !== undefined
      ? textOfKey(i18n, props.k, language, props.values)
      : pickText(props.text, language).text;
  const mn = textOf('mn-Mong');
  const Element = (props.as ?? 'span') as ElementType;
  return (
    <Element className={['pls-bilingual', props.className ?? ''].filter(Boolean).join(' ')}>
      <ScriptText text={textOf('zh-Hans')} language="zh-Hans" />
      {props.text === undefined || props.text.mnStatus !== 'missing' ? (
        <ScriptText text={mn} language="mn-Mong" />
      ) : null}
    </Element>
  );
}
