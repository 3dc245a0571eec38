/**
 * The middle steps of the application: phone number (digit pad), case category (large
 * pictograms), hardship basis (the legal-aid law's exemptions, one sentence each), and the
 * short description (on-screen keyboard, or "staff will write it for me"). Each keeps what was
 * typed when the resident goes back and forth.
 */
import { useState, type Dispatch } from 'react';
import { CASE_CATEGORIES, HARDSHIP_BASES, type HardshipBasis } from '@pls/shared/domain';
import { familyKey } from '@pls/shared/i18n';
import {
  BigButton,
  ErrorNotice,
  Listbox,
  OnScreenKeyboard,
  ReadingView,
  Text,
  useLanguage,
  type KeyboardMode,
} from '@pls/shared/ui';
import { MAX_DESCRIPTION_LENGTH, type ApplyAction, type ApplyState } from './apply-flow';
import { StepFrame } from '../ui/step-frame';
import { CategoryIcon } from './category-icons';
import { distinctMessages } from './field-messages';

export interface FormStepProps {
  readonly state: ApplyState;
  readonly dispatch: Dispatch<ApplyAction>;
  readonly progress: { n: number; total: number };
}

function Errors({ state }: { state: ApplyState }) {
  return (
    <>
      {distinctMessages(state.errors).map((key) => (
        <ErrorNotice key={key} message={key} />
      ))}
    </>
  );
}

export function PhoneStep({ state, dispatch, progress }: FormStepProps) {
  const [phone, setPhone] = useState(state.draft.phone);
  const submit = () => dispatch({ type: 'phoneEntered', phone });
  const type = (value: string) => {
    setPhone(value);
    dispatch({ type: 'fieldTyped', field: 'phone', value });
  };
  return (
    <StepFrame
      testId="step-phone"
      title="kiosk:phone.title"
      prompt="kiosk:phone.prompt"
      progress={progress}
      actions={
        <BigButton label="kiosk:apply.next" className="k-act--next" icon="right" onPress={submit} />
      }
    >
      <Errors state={state} />
      <OnScreenKeyboard
        label="common:keyboard.phone"
        value={phone}
        onChange={type}
        modes={['digits']}
        digitPad="phone"
        maxLength={13}
        onEnter={submit}
      />
    </StepFrame>
  );
}

export function CategoryStep({ state, dispatch, progress }: FormStepProps) {
  return (
    <StepFrame
      testId="step-category"
      title="kiosk:category.title"
      prompt="kiosk:category.prompt"
      progress={progress}
    >
      <Errors state={state} />
      <div className="k-category" role="group">
        {CASE_CATEGORIES.map((category) => (
          <button
            key={category}
            type="button"
            className={`k-category__tile${state.draft.caseCategory === category ? ' k-category__tile--chosen' : ''}`}
            aria-pressed={state.draft.caseCategory === category}
            data-category={category}
            onClick={() => dispatch({ type: 'categoryChosen', category })}
          >
            <CategoryIcon category={category} />
            <Text k={familyKey('domain:caseCategory', category)} className="k-category__label" />
          </button>
        ))}
      </div>
    </StepFrame>
  );
}

export function HardshipStep({ state, dispatch, progress }: FormStepProps) {
  const chosen = state.draft.hardshipBases;
  // Chinese: the grounds are controls, whole on screen; their explanations are reading text in
  // a region of their own (issue 12). Vertical Mongolian still runs each explanation under its
  // ground, on a page that scrolls sideways (its layout is not yet whole on screen: see the
  // quarantined check in e2e/kiosk-layout.e2e.ts).
  const { language } = useLanguage();
  const explainedApart = language !== 'mn-Mong';
  return (
    <StepFrame
      testId="step-hardship"
      title="kiosk:hardship.title"
      prompt="kiosk:hardship.prompt"
      progress={progress}
      actions={
        <BigButton
          label="kiosk:apply.next"
          className="k-act--next"
          icon="right"
          onPress={() => dispatch({ type: 'hardshipConfirmed' })}
        />
      }
    >
      <Errors state={state} />
      <Listbox<HardshipBasis>
        multiple
        label="kiosk:hardship.listLabel"
        value={chosen}
        onChange={(next) => {
          // The listbox reports the whole new set; the flow's reducer applies one toggle
          // (it keeps "no exemption" and the exemptions exclusive).
          const toggled =
            next.find((basis) => !chosen.includes(basis)) ??
            chosen.find((basis) => !next.includes(basis));
          if (toggled) dispatch({ type: 'hardshipToggled', basis: toggled });
        }}
        options={HARDSHIP_BASES.map((basis) => ({
          value: basis,
          label: familyKey('domain:hardshipBasis', basis),
          ...(explainedApart
            ? {}
            : { description: familyKey('domain:hardshipExplanation', basis) }),
        }))}
      />
      {/*
        The options are controls: they stay whole on screen, one tap each. Their one-sentence
        explanations are reading text, a screen of it at the largest font: they are read in
        their own region, which pages and shows where the reader is.
      */}
      {explainedApart ? (
        <ReadingView label="kiosk:hardship.listLabel">
          {HARDSHIP_BASES.map((basis) => (
            <p key={basis} className="k-hardship__explanation">
              <Text k={familyKey('domain:hardshipBasis', basis)} className="k-hardship__ground" />
              <Text k={familyKey('domain:hardshipExplanation', basis)} />
            </p>
          ))}
        </ReadingView>
      ) : null}
    </StepFrame>
  );
}

export function DescriptionStep({ state, dispatch, progress }: FormStepProps) {
  const { language } = useLanguage();
  const [text, setText] = useState(state.draft.description);
  const type = (value: string) => {
    setText(value);
    dispatch({ type: 'fieldTyped', field: 'description', value });
  };
  const modes: readonly KeyboardMode[] =
    language === 'mn-Mong' ? ['mongolian', 'pinyin'] : ['pinyin', 'mongolian'];
  return (
    <StepFrame
      testId="step-description"
      title="kiosk:description.title"
      prompt="kiosk:description.prompt"
      progress={progress}
      actions={
        <>
          <BigButton
            label="kiosk:apply.next"
            className="k-act--next"
            icon="right"
            onPress={() => dispatch({ type: 'descriptionEntered', text })}
          />
          <BigButton
            label="kiosk:description.byStaff"
            className="k-act--by-staff"
            icon="staff"
            variant="secondary"
            onPress={() => dispatch({ type: 'descriptionLeftToStaff', text })}
          />
        </>
      }
    >
      <Errors state={state} />
      <OnScreenKeyboard
        label="kiosk:description.fieldLabel"
        value={text}
        onChange={type}
        modes={modes}
        maxLength={MAX_DESCRIPTION_LENGTH}
        multiline
      />
    </StepFrame>
  );
}
