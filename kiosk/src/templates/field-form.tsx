/**
 * Several fields typed on one on-screen keyboard: each field is a button showing its value
 * (tap it to type into it), the keyboard types into the active one, Enter moves on to the next.
 * A field's message (what is wrong with it) shows under it in the resident's language. Used by
 * the question form, the booking form and the document templates.
 */
import type { LocalizedText } from '@pls/shared/domain';
import type { TranslationKey } from '@pls/shared/i18n';
import {
  OnScreenKeyboard,
  Text,
  useLanguage,
  type DigitPadKind,
  type KeyboardMode,
} from '@pls/shared/ui';

export interface FormField<K extends string> {
  readonly name: K;
  /** Also the keyboard's name for the field (read by screen readers). */
  readonly label: TranslationKey;
  /** Shown instead of `label` when the field's name is content (a template's field). */
  readonly text?: LocalizedText;
  readonly modes: readonly KeyboardMode[];
  readonly max: number;
  readonly digitPad?: DigitPadKind;
  readonly multiline?: boolean;
}

export interface FieldFormProps<K extends string> {
  readonly fields: readonly FormField<K>[];
  readonly values: Readonly<Record<K, string>>;
  readonly onChange: (name: K, value: string) => void;
  readonly active: K;
  readonly onActivate: (name: K) => void;
  readonly messages?: Partial<Readonly<Record<K, TranslationKey>>>;
}

/** Text keyboards start in the language on screen; digit fields keep their pad. */
function modesFor(modes: readonly KeyboardMode[], mongolian: boolean): readonly KeyboardMode[] {
  if (!modes.includes('mongolian') || !modes.includes('pinyin')) return modes;
  return mongolian
    ? ['mongolian', ...modes.filter((m) => m !== 'mongolian')]
    : ['pinyin', ...modes.filter((m) => m !== 'pinyin')];
}

export function FieldForm<K extends string>({
  fields,
  values,
  onChange,
  active,
  onActivate,
  messages = {},
}: FieldFormProps<K>) {
  const { language } = useLanguage();
  const current = fields.find((f) => f.name === active) ?? fields[0]!;
  const next = fields[fields.indexOf(current) + 1];
  return (
    <div className="k-fieldform">
      <div className="k-fieldform__fields">
        {fields.map((field) => {
          const message = messages[field.name];
          return (
            <div key={field.name} className="k-fieldform__item">
              <button
                type="button"
                className={`k-field${active === field.name ? ' k-field--active' : ''}`}
                aria-pressed={active === field.name}
                data-field={field.name}
                onClick={() => onActivate(field.name)}
              >
                {field.text ? (
                  <Text text={field.text} className="k-field__label" />
                ) : (
                  <Text k={field.label} className="k-field__label" />
                )}
                <span className="k-field__value">
                  {values[field.name] === '' ? '—' : values[field.name]}
                </span>
              </button>
              {message ? (
                <div className="k-fieldform__message" role="alert" data-message-for={field.name}>
                  <Text k={message} />
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
      <OnScreenKeyboard
        key={current.name}
        label={current.label}
        value={values[current.name]}
        onChange={(value) => onChange(current.name, value)}
        modes={modesFor(current.modes, language === 'mn-Mong')}
        {...(current.digitPad ? { digitPad: current.digitPad } : {})}
        {...(current.multiline ? { multiline: true } : {})}
        maxLength={current.max}
        {...(next ? { onEnter: () => onActivate(next.name) } : {})}
      />
    </div>
  );
}
