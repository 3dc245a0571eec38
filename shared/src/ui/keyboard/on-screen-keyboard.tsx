/**
 * On-screen keyboard for kiosk forms: traditional Mongolian (GB/T 28038 layout, with FVS, MVS
 * and NNBSP keys), Chinese by pinyin with word candidates, and a digit pad for phone and ID
 * numbers. Keys are at least 60×60 px. The text is shown in a preview field laid out for its
 * script (a vertical column for Mongolian).
 */
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useLanguage } from '../ui-provider';
import { useT } from '../use-t';
import { parseIdNumber } from '../../domain/id-number';
import { parsePhone } from '../../domain/phone';
import type { TranslationKey } from '../../i18n/typed-keys';
import { useVoice } from '../../voice/voice-context';
import { Icon } from '../icons';
import { ScriptText, Text } from '../text';
import { keyboardReducer, type KeyboardState } from './keyboard-state';
import {
  digitPadKeys,
  INVISIBLE_LABELS,
  MONGOLIAN_LAYOUT,
  NIRUGU,
  PINYIN_ROWS,
  type DigitPadKind,
} from './mongolian-layout';
import { loadPinyinDictionary, type PinyinDictionary } from './pinyin-dictionary';

export type KeyboardMode = 'mongolian' | 'pinyin' | 'digits';

const MODE_LABELS: Readonly<Record<KeyboardMode, TranslationKey>> = {
  mongolian: 'common:keyboard.mode.mongolian',
  pinyin: 'common:keyboard.mode.pinyin',
  digits: 'common:keyboard.mode.digits',
};

const CANDIDATES_PER_PAGE = 8;

const DEFAULT_LABELS: Readonly<Record<DigitPadKind, TranslationKey>> = {
  number: 'common:keyboard.label',
  phone: 'common:keyboard.phone',
  idNumber: 'common:keyboard.idNumber',
};

/** The message for a number that does not validate, or undefined when it is fine. */
export function digitError(
  kind: DigitPadKind | undefined,
  value: string,
): TranslationKey | undefined {
  if (kind === 'idNumber' && !parseIdNumber(value).ok) return 'common:error.idNumber';
  if (kind === 'phone' && !parsePhone(value).ok) return 'common:error.phone';
  return undefined;
}

export interface OnScreenKeyboardProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly modes: readonly KeyboardMode[];
  readonly initialMode?: KeyboardMode;
  /** What the digit pad is for: X appears only for ID numbers. */
  readonly digitPad?: DigitPadKind;
  readonly maxLength?: number;
  readonly onEnter?: () => void;
  /** A text of several lines (a description): Enter starts a new line, the field shows lines. */
  readonly multiline?: boolean;
  /** Name of the field being typed into; phone and ID-number pads have their own default. */
  readonly label?: TranslationKey;
  /** Pinyin dictionary; loaded from the bundle when not given (tests pass a small one). */
  readonly dictionary?: PinyinDictionary;
}

export function OnScreenKeyboard(props: OnScreenKeyboardProps) {
  const { t } = useT();
  const { language } = useLanguage();
  const [mode, setMode] = useState<KeyboardMode>(props.initialMode ?? props.modes[0] ?? 'digits');
  const [shift, setShift] = useState(false);
  const [state, dispatch] = useReducer(
    (s: KeyboardState, a: Parameters<typeof keyboardReducer>[1]) =>
      keyboardReducer(s, a, props.maxLength),
    { value: props.value, composition: '', page: 0 },
  );
  const [dictionary, setDictionary] = useState<PinyinDictionary | undefined>(props.dictionary);
  const [error, setError] = useState<TranslationKey | undefined>(undefined);
  const voice = useVoice();

  useEffect(() => {
    if (mode !== 'pinyin' || dictionary !== undefined) return;
    let live = true;
    void loadPinyinDictionary().then((d) => {
      if (live) setDictionary(d);
    });
    return () => {
      live = false;
    };
  }, [mode, dictionary]);

  // The parent owns the value: report every change, take over a reset from outside.
  const { onChange, value } = props;
  useEffect(() => {
    setError(undefined);
    if (state.value !== value) onChange(state.value);
    // Only our own edits are reported; `value` changing alone is handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.value]);
  useEffect(() => {
    if (value !== state.value) dispatch({ type: 'reset', value });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const candidates = useMemo(
    () => (dictionary && state.composition ? dictionary.candidates(state.composition) : []),
    [dictionary, state.composition],
  );
  const pages = Math.ceil(candidates.length / CANDIDATES_PER_PAGE);
  const shown = candidates.slice(
    state.page * CANDIDATES_PER_PAGE,
    (state.page + 1) * CANDIDATES_PER_PAGE,
  );

  const press = (text: string) => {
    dispatch({ type: 'insert', text });
    setShift(false);
  };

  // Typed Mongolian is shown vertically, pinyin output as Chinese, digits in the page language.
  const previewLanguage =
    mode === 'mongolian' ? 'mn-Mong' : mode === 'pinyin' ? 'zh-Hans' : language;

  return (
    <div
      className={`pls-keyboard pls-keyboard--${mode}`}
      role="group"
      aria-label={t('common:keyboard.label')}
    >
      <div className="pls-keyboard__preview" aria-live="polite">
        <Text
          k={props.label ?? DEFAULT_LABELS[props.digitPad ?? 'number']}
          className="pls-keyboard__field-label"
        />
        <output
          className={[
            'pls-keyboard__value',
            mode === 'mongolian' ? 'pls-keyboard__value--vertical' : '',
            props.multiline ? 'pls-keyboard__value--multiline' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          data-multiline={props.multiline ? 'true' : undefined}
        >
          <ScriptText text={state.value} language={previewLanguage} />
          {state.composition ? (
            <span className="pls-keyboard__composition">{state.composition}</span>
          ) : null}
          <span className="pls-keyboard__caret" aria-hidden="true" />
        </output>
        {error ? (
          <div role="alert" className="pls-keyboard__error">
            <Text k={error} />
          </div>
        ) : null}
      </div>

      {props.modes.length > 1 ? (
        <div className="pls-keyboard__modes" role="group">
          {props.modes.map((m) => (
            <button
              key={m}
              type="button"
              className="pls-key pls-key--mode"
              aria-pressed={mode === m}
              onClick={() => {
                if (state.composition) dispatch({ type: 'commitLetters' });
                setMode(m);
              }}
            >
              <Text k={MODE_LABELS[m]} />
            </button>
          ))}
        </div>
      ) : null}

      {mode === 'pinyin' ? (
        <div className="pls-keyboard__candidates">
          {state.composition === '' ? (
            <Text k="common:keyboard.pinyinPrompt" className="pls-keyboard__hint" />
          ) : null}
          {/*
            A listbox only while it has options: an empty one is an ARIA error (a listbox must
            own options), and the page buttons are not options, so they stand beside it.
          */}
          {shown.length > 0 ? (
            <div
              className="pls-keyboard__candidate-list"
              role="listbox"
              aria-label={t('common:keyboard.candidates')}
              aria-orientation="horizontal"
            >
              {shown.map((candidate, i) => (
                <button
                  key={`${candidate.word}-${i}`}
                  type="button"
                  role="option"
                  aria-selected={false}
                  className="pls-key pls-key--candidate"
                  lang="zh-Hans-CN"
                  onClick={() => dispatch({ type: 'pick', candidate })}
                >
                  {candidate.word}
                </button>
              ))}
            </div>
          ) : null}
          {pages > 1 ? (
            <>
              <button
                type="button"
                className="pls-key pls-key--page"
                aria-label={t('common:keyboard.prevCandidates')}
                disabled={state.page === 0}
                onClick={() => dispatch({ type: 'page', delta: -1, pages })}
              >
                <Icon name="left" />
              </button>
              <button
                type="button"
                className="pls-key pls-key--page"
                aria-label={t('common:keyboard.nextCandidates')}
                disabled={state.page >= pages - 1}
                onClick={() => dispatch({ type: 'page', delta: 1, pages })}
              >
                <Icon name="right" />
              </button>
            </>
          ) : null}
        </div>
      ) : null}

      <div className="pls-keyboard__keys">
        {mode === 'mongolian'
          ? MONGOLIAN_LAYOUT.map((row, r) => (
              <div className="pls-keyboard__row" key={r}>
                {row.map((key) => {
                  const char = shift ? key.shift : key.base;
                  return (
                    <MongolianKey
                      key={key.id}
                      id={key.id}
                      char={char}
                      onPress={() => press(char)}
                    />
                  );
                })}
              </div>
            ))
          : null}
        {mode === 'pinyin'
          ? PINYIN_ROWS.map((row, r) => (
              <div className="pls-keyboard__row" key={r}>
                {[...row].map((letter) => (
                  <button
                    key={letter}
                    type="button"
                    className="pls-key"
                    data-key={letter}
                    onClick={() => dispatch({ type: 'compose', letter })}
                  >
                    {letter === 'v' ? 'ü' : letter}
                  </button>
                ))}
              </div>
            ))
          : null}
        {mode === 'digits' ? (
          <div className="pls-keyboard__pad">
            {digitPadKeys(props.digitPad ?? 'number').map((digit, i) =>
              digit === '' ? (
                <span key={i} className="pls-key pls-key--blank" aria-hidden="true" />
              ) : (
                <button
                  key={digit}
                  type="button"
                  className="pls-key pls-key--digit"
                  data-key={digit}
                  onClick={() => press(digit)}
                >
                  {digit}
                </button>
              ),
            )}
          </div>
        ) : null}

        <div className="pls-keyboard__row pls-keyboard__row--controls">
          {mode === 'mongolian' ? (
            <ControlKey
              label="common:keyboard.shift"
              icon="shift"
              pressed={shift}
              onPress={() => setShift(!shift)}
            />
          ) : null}
          {mode !== 'digits' ? (
            <ControlKey
              label="common:keyboard.space"
              icon="space"
              wide
              onPress={() => {
                const first = candidates[state.page * CANDIDATES_PER_PAGE];
                if (mode === 'pinyin' && first) dispatch({ type: 'pick', candidate: first });
                else press(' ');
              }}
            />
          ) : null}
          <ControlKey
            label="common:keyboard.backspace"
            icon="backspace"
            onPress={() => dispatch({ type: 'backspace' })}
          />
          <ControlKey
            label="common:keyboard.clear"
            icon="clear"
            onPress={() => dispatch({ type: 'clear' })}
          />
          <ControlKey
            label="common:keyboard.enter"
            icon="enter"
            onPress={() => {
              if (state.composition) {
                dispatch({ type: 'commitLetters' });
                return;
              }
              if (props.multiline) {
                dispatch({ type: 'insert', text: '\n' });
                return;
              }
              const problem =
                mode === 'digits' ? digitError(props.digitPad, state.value) : undefined;
              setError(problem);
              if (problem) void voice.speak(problem);
              else props.onEnter?.();
            }}
          />
        </div>
      </div>
    </div>
  );
}

function MongolianKey({ id, char, onPress }: { id: string; char: string; onPress: () => void }) {
  const { t } = useT();
  const { language } = useLanguage();
  const invisible = INVISIBLE_LABELS[char];
  if (invisible !== undefined) {
    const label =
      invisible === 'mvs'
        ? t('common:keyboard.mvs')
        : invisible === 'nnbsp'
          ? t('common:keyboard.nnbsp')
          : invisible === 'zwj'
            ? t('common:keyboard.zwj')
            : invisible === 'zwnj'
              ? t('common:keyboard.zwnj')
              : t('common:keyboard.fvs', { n: invisible.slice(3) });
    return (
      <button
        type="button"
        className="pls-key pls-key--control-char"
        data-key={id}
        onClick={onPress}
        aria-label={label}
      >
        <ScriptText text={label} language={language} className="pls-key__small" />
      </button>
    );
  }
  const isMongolian = /[\u1800-\u18AF]/u.test(char);
  return (
    <button
      type="button"
      className="pls-key"
      data-key={id}
      onClick={onPress}
      aria-label={char === NIRUGU ? t('common:keyboard.nirugu') : undefined}
    >
      {isMongolian ? (
        <span lang="mn-Mong-CN" className="pls-mong pls-key__glyph">
          {char}
        </span>
      ) : (
        char
      )}
    </button>
  );
}

function ControlKey({
  label,
  icon,
  onPress,
  pressed,
  wide = false,
}: {
  label: TranslationKey;
  icon: 'shift' | 'space' | 'backspace' | 'clear' | 'enter';
  onPress: () => void;
  pressed?: boolean;
  wide?: boolean;
}) {
  return (
    <button
      type="button"
      className={`pls-key pls-key--control${wide ? ' pls-key--wide' : ''}`}
      data-key={icon}
      aria-pressed={pressed}
      onClick={onPress}
    >
      <Icon name={icon} />
      <Text k={label} className="pls-key__small" />
    </button>
  );
}
