/**
 * Staff type (or correct) an identity when no card can be read: name, ID number, address, sex.
 * Only shown with staff mode unlocked. The ID number is checked as in every other path (check
 * digit, region, birth date); a wrong one is refused with the specific reason, and nothing typed
 * is lost.
 */
import { useState, type Dispatch } from 'react';
import type { TranslationKey } from '@pls/shared/i18n';
import { BigButton, ErrorNotice, OnScreenKeyboard, Text, type KeyboardMode } from '@pls/shared/ui';
import type { ApplyAction, ApplyState } from './apply-flow';
import { distinctMessages } from './field-messages';

type Field = 'name' | 'idNumber' | 'address';
type Sex = 'male' | 'female' | 'unknown';

const FIELDS: ReadonlyArray<{
  field: Field;
  label: TranslationKey;
  modes: readonly KeyboardMode[];
  max: number;
}> = [
  { field: 'name', label: 'kiosk:identity.typed.name', modes: ['pinyin', 'mongolian'], max: 60 },
  { field: 'idNumber', label: 'kiosk:identity.typed.idNumber', modes: ['digits'], max: 18 },
  {
    field: 'address',
    label: 'kiosk:identity.typed.address',
    modes: ['pinyin', 'mongolian'],
    max: 200,
  },
];

export interface TypedIdentityFormProps {
  readonly state: ApplyState;
  readonly dispatch: Dispatch<ApplyAction>;
  readonly initial: { name: string; idNumber: string; address: string; sex: Sex };
  /** 'ocr' when staff are correcting what the camera read. */
  readonly source: 'manual_staff' | 'ocr';
  readonly onCancel: () => void;
}

export function TypedIdentityForm({
  state,
  dispatch,
  initial,
  source,
  onCancel,
}: TypedIdentityFormProps) {
  const [values, setValues] = useState({
    name: initial.name,
    idNumber: initial.idNumber,
    address: initial.address,
  });
  const [sex, setSex] = useState<Sex>(initial.sex);
  const [active, setActive] = useState<Field>(initial.name === '' ? 'name' : 'idNumber');
  const current = FIELDS.find((f) => f.field === active) ?? FIELDS[0]!;
  const confirm = () =>
    dispatch({
      type: 'identityTyped',
      source,
      identity: { name: values.name, sex, idNumber: values.idNumber, address: values.address },
      today: new Date(),
    });

  return (
    <div className="k-typed" data-testid="typed-identity">
      <Text
        as="h3"
        k={source === 'ocr' ? 'kiosk:identity.typed.titleOcr' : 'kiosk:identity.typed.title'}
      />
      <div className="k-typed__fields">
        {FIELDS.map(({ field, label }) => (
          <button
            key={field}
            type="button"
            className={`k-field${active === field ? ' k-field--active' : ''}`}
            aria-pressed={active === field}
            data-field={field}
            onClick={() => setActive(field)}
          >
            <Text k={label} className="k-field__label" />
            <span className="k-field__value" lang="zh-Hans-CN">
              {values[field] === '' ? '—' : values[field]}
            </span>
          </button>
        ))}
        <div className="k-field k-field--choice" role="group">
          <Text k="kiosk:identity.typed.sex" className="k-field__label" />
          {(['male', 'female'] as const).map((option) => (
            <BigButton
              key={option}
              label={option === 'male' ? 'domain:sex.male' : 'domain:sex.female'}
              variant="secondary"
              pressed={sex === option}
              onPress={() => setSex(option)}
            />
          ))}
        </div>
      </div>
      {distinctMessages(state.errors).map((key) => (
        <ErrorNotice key={key} message={key} />
      ))}
      <OnScreenKeyboard
        key={active}
        label={current.label}
        value={values[active]}
        onChange={(value) => setValues((v) => ({ ...v, [active]: value }))}
        modes={current.modes}
        {...(active === 'idNumber' ? { digitPad: 'idNumber' as const } : {})}
        maxLength={current.max}
        onEnter={() => {
          const next = FIELDS[FIELDS.findIndex((f) => f.field === active) + 1];
          if (next) setActive(next.field);
        }}
      />
      <div className="k-actions">
        <BigButton
          label="kiosk:identity.typed.confirm"
          className="k-act--typed-confirm"
          icon="check"
          onPress={confirm}
        />
        <BigButton
          label="kiosk:identity.typed.cancel"
          className="k-act--typed-cancel"
          variant="secondary"
          onPress={onCancel}
        />
      </div>
    </div>
  );
}
