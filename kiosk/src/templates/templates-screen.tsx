/**
 * Document templates: pick a document, answer its plain questions (the ID card fills in who
 * you are), look at the document on screen, print it on A4. The document is in Chinese (the
 * language it is filed in); the questions are in the language on screen. What is typed lives
 * in this visit only: the idle reset clears it with everything else.
 */
import { useCallback, useState } from 'react';
import { chinaNow, type LocalizedText } from '@pls/shared/domain';
import type { TranslationKey } from '@pls/shared/i18n';
import type { BridgeReaderEvent } from '@pls/shared/protocol';
import { BigButton, Text, type KeyboardMode, type DigitPadKind } from '@pls/shared/ui';
import { slipSpec } from '../printing/print-documents';
import { SlipPrintButton } from '../printing/slip-print-button';
import { useDeviceSettings, useReaderEvents, useStationName } from '../ui/runtime';
import { FieldForm, type FormField } from './field-form';
import {
  checkTemplate,
  fillTemplate,
  LEGAL_TEMPLATES,
  type FieldKind,
  type FieldProblem,
  type LegalTemplate,
  type TemplateField,
} from './legal-templates';
import '../calculators/calculators.css';
import '../booking/services.css';

const PROBLEMS: Readonly<Record<FieldProblem, TranslationKey>> = {
  required: 'services:templates.problem.required',
  tooLong: 'services:templates.problem.tooLong',
  phone: 'services:templates.problem.phone',
  idNumber: 'services:templates.problem.idNumber',
  money: 'services:templates.problem.money',
  moneyTooLarge: 'services:templates.problem.moneyTooLarge',
  date: 'services:templates.problem.date',
  futureDate: 'services:templates.problem.futureDate',
};

const KEYBOARD: Readonly<
  Record<FieldKind, { modes: readonly KeyboardMode[]; pad?: DigitPadKind; max: number }>
> = {
  text: { modes: ['pinyin', 'mongolian'], max: 100 },
  longText: { modes: ['pinyin', 'mongolian'], max: 1000 },
  phone: { modes: ['digits'], pad: 'phone', max: 20 },
  idNumber: { modes: ['digits'], pad: 'idNumber', max: 18 },
  money: { modes: ['digits'], pad: 'number', max: 16 },
  date: { modes: ['digits'], pad: 'number', max: 10 },
};

function formFields(template: LegalTemplate): FormField<string>[] {
  return template.fields.map((f) => {
    const k = KEYBOARD[f.kind];
    return {
      name: f.name,
      label: 'services:templates.field',
      text: f.label,
      modes: k.modes,
      max: k.max,
      ...(k.pad ? { digitPad: k.pad } : {}),
      ...(f.kind === 'longText' ? { multiline: true } : {}),
    };
  });
}

const SEX_ZH = { male: '男', female: '女' } as const;

function cardValue(field: TemplateField, event: BridgeReaderEvent): string | undefined {
  if (event.type !== 'cardRead' || !field.fromCard) return undefined;
  const card = event.card;
  switch (field.fromCard) {
    case 'name':
      return card.name;
    case 'sex':
      return card.sex === 'male' || card.sex === 'female' ? SEX_ZH[card.sex] : undefined;
    case 'idNumber':
      return card.idNumber;
    case 'birthDate':
      return card.birthDate;
    case 'address':
      return 'address' in card ? card.address : undefined;
    case 'nation':
      return card.cardType === 'resident' && card.nation.name ? `${card.nation.name}族` : undefined;
  }
}

function TemplateForm({ template, onBack }: { template: LegalTemplate; onBack: () => void }) {
  const settings = useDeviceSettings();
  const station = useStationName().name;
  const fields = formFields(template);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(template.fields.map((f) => [f.name, ''])),
  );
  const [active, setActive] = useState(template.fields[0]!.name);
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [preview, setPreview] = useState(false);
  const [fromCard, setFromCard] = useState(false);

  const onReader = useCallback(
    (event: BridgeReaderEvent) => {
      if (event.type !== 'cardRead') return;
      setValues((v) => {
        const next = { ...v };
        for (const f of template.fields) {
          const value = cardValue(f, event);
          if (value !== undefined) next[f.name] = value;
        }
        return next;
      });
      setFromCard(true);
    },
    [template],
  );
  useReaderEvents(onReader);

  const today = chinaNow(new Date()).date;
  const showPreview = () => {
    const found = checkTemplate(template, values, today);
    setProblems(found);
    const first = template.fields.find((f) => found[f.name]);
    if (first) setActive(first.name);
    else setPreview(true);
  };
  const sections = fillTemplate(template, values);
  const spec = () =>
    slipSpec(
      {
        language: 'zh-Hans',
        title: template.title.zh,
        stationName: station,
        issuedAt: new Date().toISOString(),
        sections,
      },
      settings.printers,
      'A4',
    );

  if (preview) {
    return (
      <div className="k-svc__block" data-testid="template-preview" data-template={template.id}>
        <Text as="p" k="services:templates.previewPrompt" />
        <article className="k-template__paper" lang="zh-Hans">
          <h3>{template.title.zh}</h3>
          {sections.map((section, i) => (
            <section key={i}>
              {section.heading ? <h4>{section.heading}</h4> : null}
              {section.lines.map((line, j) => (
                <p key={j}>
                  {line.label ? `${line.label}：` : ''}
                  {line.text}
                </p>
              ))}
            </section>
          ))}
        </article>
        <div className="k-svc__row">
          <SlipPrintButton
            label="services:templates.print"
            className="k-act--print-template"
            spec={spec}
          />
          <BigButton
            label="services:templates.edit"
            variant="secondary"
            className="k-act--edit-template"
            onPress={() => setPreview(false)}
          />
        </div>
      </div>
    );
  }

  const messages: Record<string, TranslationKey> = {};
  for (const [name, problem] of Object.entries(problems)) messages[name] = PROBLEMS[problem];
  return (
    <div className="k-svc__block" data-testid="template-form" data-template={template.id}>
      <Text as="h3" text={template.title} />
      <Text as="p" k={fromCard ? 'services:templates.cardRead' : 'services:templates.cardHint'} />
      <FieldForm
        fields={fields}
        values={values}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        active={active}
        onActivate={setActive}
        messages={messages}
      />
      <div className="k-svc__row">
        <BigButton
          label="services:templates.preview"
          icon="right"
          className="k-act--preview-template"
          onPress={showPreview}
        />
        <BigButton
          label="services:templates.other"
          variant="secondary"
          className="k-act--other-template"
          onPress={onBack}
        />
      </div>
    </div>
  );
}

function TemplateChoice({ template, onPick }: { template: LegalTemplate; onPick: () => void }) {
  const fileWith: LocalizedText = template.fileWith;
  return (
    <button
      type="button"
      className="k-template__choice"
      data-template={template.id}
      onClick={onPick}
    >
      <Text text={template.title} className="k-svc__strong" />
      <Text k="services:templates.fileWith" />
      <Text text={fileWith} />
    </button>
  );
}

export function TemplatesScreen() {
  const [chosen, setChosen] = useState<LegalTemplate | undefined>(undefined);
  return (
    <section className="k-svc" data-testid="templates" aria-labelledby="templates-title">
      <Text as="h2" k="services:templates.title" id="templates-title" className="k-svc__title" />
      {chosen ? (
        <TemplateForm key={chosen.id} template={chosen} onBack={() => setChosen(undefined)} />
      ) : (
        <div className="k-svc__block">
          <Text as="p" k="services:templates.prompt" />
          <div className="k-template__choices" role="group">
            {LEGAL_TEMPLATES.map((t) => (
              <TemplateChoice key={t.id} template={t} onPick={() => setChosen(t)} />
            ))}
          </div>
          <Text as="p" k="services:templates.unverified" className="k-svc__cite" />
        </div>
      )}
    </section>
  );
}
