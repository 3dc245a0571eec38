/**
 * The calculators: court fees, wage claims, work-injury subsidy. Fields are buttons showing
 * what was typed; one keypad types into the chosen field (only the keys that field accepts).
 * The result lists each step in words with the article it applies, and says that the rules
 * are not yet checked against an official text.
 */
import { useReducer } from 'react';
import {
  COURT_FEE_CASE_KINDS,
  COURT_FEE_PROCEDURES,
  COURT_FEE_RELIEF_GROUNDS,
  fenToYuan,
  RULE_SOURCES,
  type CalcStep,
  type Citation,
} from '@pls/shared/calculators';
import { chineseArticleLabel, chineseNumber, mongolianArticleLabel } from '@pls/shared/content';
import type { TranslationKey } from '@pls/shared/i18n';
import { BigButton, ErrorNotice, Text, useLanguage, useT } from '@pls/shared/ui';
import {
  calculatorReducer,
  CALCULATORS,
  FIELD_KINDS,
  INITIAL_CALCULATOR_STATE,
  keysFor,
  todayOf,
  visibleFields,
  type CalculatorAction,
  type CalculatorId,
  type CalculatorState,
  type FieldId,
} from './calculator-form';
import { RatingPanel } from '../rating/rating-panel';
import { ControlKey } from '../ui/code-keypad';
import './calculators.css';

const CALCULATOR_LABELS: Readonly<Record<CalculatorId, TranslationKey>> = {
  courtFee: 'services:calculators.kind.courtFee',
  wages: 'services:calculators.kind.wages',
  injury: 'services:calculators.kind.injury',
};

const FIELD_LABELS: Readonly<Record<FieldId, TranslationKey>> = {
  amount: 'services:calculators.field.amount',
  monthlyWage: 'services:calculators.field.monthlyWage',
  unpaidMonths: 'services:calculators.field.unpaidMonths',
  startDate: 'services:calculators.field.startDate',
  contractOrEndDate: 'services:calculators.field.contractOrEndDate',
  endDate: 'services:calculators.field.endDate',
  averageWage: 'services:calculators.field.averageWage',
  regionalAverage: 'services:calculators.field.regionalAverage',
  grade: 'services:calculators.field.grade',
  ownWage: 'services:calculators.field.ownWage',
};

const WAGE_FLAGS = ['orderedAndUnpaid', 'noWrittenContract', 'severance'] as const;
const FLAG_LABELS: Readonly<Record<(typeof WAGE_FLAGS)[number], TranslationKey>> = {
  orderedAndUnpaid: 'services:calculators.field.orderedAndUnpaid',
  noWrittenContract: 'services:calculators.field.noWrittenContract',
  severance: 'services:calculators.field.severance',
};

const CASE_KIND_LABELS = {
  property: 'services:calculators.caseKind.property',
  divorce: 'services:calculators.caseKind.divorce',
  personality: 'services:calculators.caseKind.personality',
  otherNonProperty: 'services:calculators.caseKind.otherNonProperty',
  labour: 'services:calculators.caseKind.labour',
} as const satisfies Record<(typeof COURT_FEE_CASE_KINDS)[number], TranslationKey>;

const PROCEDURE_LABELS = {
  ordinary: 'services:calculators.procedure.ordinary',
  simple: 'services:calculators.procedure.simple',
  mediatedOrWithdrawn: 'services:calculators.procedure.mediatedOrWithdrawn',
} as const satisfies Record<(typeof COURT_FEE_PROCEDURES)[number], TranslationKey>;

const RELIEF_LABELS = {
  none: 'services:calculators.relief.none',
  disabledNoIncome: 'services:calculators.relief.disabledNoIncome',
  supportClaim: 'services:calculators.relief.supportClaim',
  minimumLiving: 'services:calculators.relief.minimumLiving',
  heroicAct: 'services:calculators.relief.heroicAct',
  disasterHardship: 'services:calculators.relief.disasterHardship',
  preferentialCare: 'services:calculators.relief.preferentialCare',
  insuranceOrSeverance: 'services:calculators.relief.insuranceOrSeverance',
  injuryVictim: 'services:calculators.relief.injuryVictim',
  legalAidRecipient: 'services:calculators.relief.legalAidRecipient',
} as const satisfies Record<(typeof COURT_FEE_RELIEF_GROUNDS)[number], TranslationKey>;

function Choices<V extends string>({
  label,
  options,
  labels,
  value,
  onChoose,
  name,
}: {
  label: TranslationKey;
  options: readonly V[];
  labels: Readonly<Record<V, TranslationKey>>;
  value: V;
  onChoose: (value: V) => void;
  name: string;
}) {
  const { t } = useT();
  return (
    <div className="k-calc__choices" role="group" aria-label={t(label)} data-choice={name}>
      <Text k={label} className="k-calc__label" />
      {options.map((option) => (
        <BigButton
          key={option}
          label={labels[option]}
          variant={option === value ? 'primary' : 'secondary'}
          pressed={option === value}
          onPress={() => onChoose(option)}
        />
      ))}
    </div>
  );
}

function Toggle({
  label,
  on,
  onToggle,
  name,
}: {
  label: TranslationKey;
  on: boolean;
  onToggle: () => void;
  name: string;
}) {
  return (
    <div className="k-calc__toggle" data-toggle={name}>
      <BigButton
        label={label}
        {...(on ? { icon: 'check' as const } : {})}
        variant={on ? 'primary' : 'secondary'}
        pressed={on}
        onPress={onToggle}
      />
    </div>
  );
}

function CitationText({ basis }: { basis: Citation }) {
  const { t } = useT();
  const { language } = useLanguage();
  const mn = language === 'mn-Mong';
  // Statutes number items 第（一）项 in Chinese; the Mongolian text writes the digit.
  const item =
    basis.item === undefined
      ? ''
      : t('services:calculators.item', { n: mn ? String(basis.item) : chineseNumber(basis.item) });
  const article =
    (mn ? mongolianArticleLabel(basis.article) : chineseArticleLabel(basis.article)) + item;
  return (
    <Text
      k="services:calculators.cite"
      values={{ law: t(RULE_SOURCES[basis.law].name), article }}
      className="k-svc__cite"
    />
  );
}

function StepLine({ step }: { step: CalcStep }) {
  return (
    <li className="k-calc__step">
      <Text k={step.key} values={step.values} />
      <CitationText basis={step.basis} />
    </li>
  );
}

function Keypad({
  state,
  dispatch,
}: {
  state: CalculatorState;
  dispatch: (a: CalculatorAction) => void;
}) {
  const { t } = useT();
  if (state.active === undefined) return null;
  const keys = keysFor(FIELD_KINDS[state.active]);
  return (
    <div
      className="k-calc__pad"
      role="group"
      aria-label={t(FIELD_LABELS[state.active])}
      data-testid="calc-keypad"
    >
      {keys.map((key) => (
        <button
          key={key}
          type="button"
          className="pls-key pls-key--digit"
          data-key={key}
          onClick={() => dispatch({ type: 'key', key })}
        >
          {key}
        </button>
      ))}
      <ControlKey name="backspace" onPress={() => dispatch({ type: 'backspace' })} />
      <ControlKey name="clear" onPress={() => dispatch({ type: 'clear' })} />
    </div>
  );
}

export function CalculatorsScreen({ now = () => new Date() }: { now?: () => Date }) {
  const [state, dispatch] = useReducer(calculatorReducer, INITIAL_CALCULATOR_STATE);
  const problems = state.outcome && !state.outcome.ok ? state.outcome.error : [];
  const problemOf = (field: FieldId) => problems.find((p) => p.field === field);
  const result = state.outcome?.ok ? state.outcome.value : undefined;
  return (
    <section className="k-svc k-calc" data-testid="calculators" aria-labelledby="calc-title">
      <Text as="h2" k="services:calculators.title" id="calc-title" className="k-svc__title" />
      <Text as="p" k="services:calculators.prompt" />
      <div className="k-calc__tabs" role="group">
        {CALCULATORS.map((id) => (
          <BigButton
            key={id}
            label={CALCULATOR_LABELS[id]}
            variant={state.calculator === id ? 'primary' : 'secondary'}
            pressed={state.calculator === id}
            className={`k-calc__tab k-calc__tab--${id}`}
            onPress={() => dispatch({ type: 'open', calculator: id })}
          />
        ))}
      </div>
      <div className="k-calc__body">
        <div className="k-calc__form">
          {state.calculator === 'courtFee' ? (
            <>
              <Choices
                name="caseKind"
                label="services:calculators.field.caseKind"
                options={COURT_FEE_CASE_KINDS}
                labels={CASE_KIND_LABELS}
                value={state.caseKind}
                onChoose={(value) => dispatch({ type: 'caseKind', value })}
              />
              <Choices
                name="procedure"
                label="services:calculators.field.procedure"
                options={COURT_FEE_PROCEDURES}
                labels={PROCEDURE_LABELS}
                value={state.procedure}
                onChoose={(value) => dispatch({ type: 'procedure', value })}
              />
              <Choices
                name="relief"
                label="services:calculators.field.relief"
                options={COURT_FEE_RELIEF_GROUNDS}
                labels={RELIEF_LABELS}
                value={state.relief}
                onChoose={(value) => dispatch({ type: 'relief', value })}
              />
            </>
          ) : null}
          {state.calculator === 'wages'
            ? WAGE_FLAGS.map((flag) => (
                <Toggle
                  key={flag}
                  name={flag}
                  label={FLAG_LABELS[flag]}
                  on={state[flag]}
                  onToggle={() => dispatch({ type: 'toggle', flag })}
                />
              ))
            : null}
          {visibleFields(state).map((field) => {
            const problem = problemOf(field);
            return (
              <div key={field} className="k-calc__field" data-field={field}>
                <button
                  type="button"
                  className={`k-calc__input${state.active === field ? ' k-calc__input--active' : ''}`}
                  aria-pressed={state.active === field}
                  aria-invalid={problem !== undefined}
                  onClick={() => dispatch({ type: 'focus', field })}
                >
                  <Text k={FIELD_LABELS[field]} className="k-calc__label" />
                  <span className="k-calc__value" data-testid={`calc-value-${field}`}>
                    {state.fields[field] === '' ? '\u00a0' : state.fields[field]}
                  </span>
                </button>
                {problem ? <ErrorNotice message={problem.key} /> : null}
              </div>
            );
          })}
          <BigButton
            label="services:calculators.calculate"
            icon="check"
            className="k-calc__go"
            onPress={() => dispatch({ type: 'calculate', today: todayOf(now()) })}
          />
        </div>
        <Keypad state={state} dispatch={dispatch} />
        {result ? (
          <div className="k-calc__result" data-testid="calc-result" aria-live="polite">
            <Text as="h3" k="services:calculators.result" />
            <Text
              as="p"
              className="k-calc__total"
              k={
                result.total.min === result.total.max
                  ? 'services:calculators.total'
                  : 'services:calculators.totalRange'
              }
              values={
                result.total.min === result.total.max
                  ? { amount: fenToYuan(result.total.max) }
                  : { min: fenToYuan(result.total.min), max: fenToYuan(result.total.max) }
              }
            />
            <Text as="h3" k="services:calculators.how" />
            <ol className="k-calc__steps">
              {result.steps.map((step, i) => (
                <StepLine key={i} step={step} />
              ))}
            </ol>
            <Text as="p" k="services:calculators.unverified" className="k-svc__cite" />
          </div>
        ) : null}
        {result ? <RatingPanel service="calculators" /> : null}
      </div>
    </section>
  );
}
