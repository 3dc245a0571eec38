/**
 * Book a lawyer at this station: pick a free time from the station's schedule, give a name
 * and phone, and the booking is kept on this kiosk (offline too) with a slip to print. The
 * center confirms it, or, when another kiosk's booking of the same time reached it first,
 * says so and offers the next free time, which the resident can take with one tap.
 */
import { useEffect, useMemo, useState } from 'react';
import { combineLatest } from 'rxjs';
import {
  CASE_CATEGORIES,
  formatTrackingCode,
  isoWeekday,
  type Appointment,
  type CaseCategory,
  type CaseUpdate,
  type Slot,
  type StationSchedule,
} from '@pls/shared/domain';
import { hasCollection } from '@pls/shared/db';
import { familyKey, textOfKey, type TranslationKey } from '@pls/shared/i18n';
import type { PrintDocumentSpec } from '@pls/shared/print';
import { BigButton, Text, useLanguage, useT } from '@pls/shared/ui';
import { slipSpec } from '../printing/print-documents';
import { SlipPrintButton } from '../printing/slip-print-button';
import { FieldForm, type FormField } from '../templates/field-form';
import { useDeviceSettings, useRuntime, useStationName } from '../ui/runtime';
import {
  bookableSlots,
  bookingState,
  bookSlot,
  NAME_MAX,
  ownSlots,
  type BookError,
  type BookingState,
} from './book-slot';
import '../calculators/calculators.css';
import './services.css';

/** How many free times are offered at once (the first days of the schedule). */
const SHOWN_SLOTS = 18;

const WEEKDAYS: Readonly<Record<number, TranslationKey>> = {
  1: 'services:booking.weekday.1',
  2: 'services:booking.weekday.2',
  3: 'services:booking.weekday.3',
  4: 'services:booking.weekday.4',
  5: 'services:booking.weekday.5',
  6: 'services:booking.weekday.6',
  7: 'services:booking.weekday.7',
};

type Field = 'name' | 'phone';
const FIELDS: readonly FormField<Field>[] = [
  { name: 'name', label: 'services:booking.name', modes: ['pinyin', 'mongolian'], max: NAME_MAX },
  { name: 'phone', label: 'services:booking.phone', modes: ['digits'], max: 11, digitPad: 'phone' },
];

function slotValues(slot: Slot) {
  return {
    month: Number(slot.date.slice(5, 7)),
    day: Number(slot.date.slice(8, 10)),
    date: slot.date,
    time: slot.time,
  };
}

function SlotText({ slot, lang }: { slot: Slot; lang?: 'zh-Hans' | 'mn-Mong' }) {
  const { i18n } = useT();
  const { language } = useLanguage();
  const lng = lang ?? language;
  return (
    <Text
      k="services:booking.slot"
      {...(lang ? { lang } : {})}
      values={{
        ...slotValues(slot),
        weekday: textOfKey(i18n, WEEKDAYS[isoWeekday(slot.date)]!, lng),
      }}
    />
  );
}

interface StationData {
  readonly schedule: StationSchedule | undefined;
  readonly loaded: boolean;
  readonly own: ReadonlySet<string>;
  readonly updates: readonly CaseUpdate[];
}

function useStationData(): StationData {
  const { db, enrollment } = useRuntime();
  const [data, setData] = useState<StationData>({
    schedule: undefined,
    loaded: false,
    own: new Set(),
    updates: [],
  });
  useEffect(() => {
    if (!db.directory || !db.appointments || !db.case_updates) return;
    const subscription = combineLatest([
      db.directory.findOne(enrollment.stationId).$,
      db.appointments.find().$,
      db.case_updates.find({ selector: { caseKind: 'appointments' } }).$,
    ]).subscribe(([station, appointments, updates]) => {
      const plainUpdates = updates.map((u) => u.toMutableJSON());
      setData({
        schedule: station?.toMutableJSON().schedule,
        loaded: true,
        own: ownSlots(
          appointments.map((a) => a.toMutableJSON()),
          plainUpdates,
        ),
        updates: plainUpdates,
      });
    });
    return () => subscription.unsubscribe();
  }, [db, enrollment.stationId]);
  return data;
}

function errorMessages(error: BookError | undefined): Partial<Record<Field, TranslationKey>> {
  if (!error) return {};
  switch (error.kind) {
    case 'nameEmpty':
      return { name: 'services:booking.error.nameEmpty' };
    case 'phone':
      return {
        phone:
          error.error.kind === 'empty'
            ? 'services:booking.error.phoneEmpty'
            : 'services:booking.error.phoneFormat',
      };
    case 'slotGone':
    case 'invalid':
      return {};
  }
}

export function BookingScreen() {
  const { db, enrollment } = useRuntime();
  const { language } = useLanguage();
  const station = useStationData();
  const [now] = useState(() => new Date());
  const slots = useMemo(
    () => bookableSlots(station.schedule, now, station.own),
    [station.schedule, station.own, now],
  );
  const [chosen, setChosen] = useState<Slot | undefined>(undefined);
  const [category, setCategory] = useState<CaseCategory>('other');
  const [values, setValues] = useState<Record<Field, string>>({ name: '', phone: '' });
  const [active, setActive] = useState<Field>('name');
  const [error, setError] = useState<BookError | undefined>(undefined);
  const [booked, setBooked] = useState<Appointment[]>([]);

  const book = async (slot: Slot) => {
    if (!hasCollection(db, 'appointments')) return;
    const result = await bookSlot(db, enrollment, slots, {
      slot,
      name: values.name,
      phone: values.phone,
      category,
      language,
    });
    if (result.ok) {
      setError(undefined);
      setBooked((list) => [...list, result.value]);
    } else {
      setError(result.error);
      if (result.error.kind === 'phone') setActive('phone');
      if (result.error.kind === 'nameEmpty') setActive('name');
      if (result.error.kind === 'slotGone') setChosen(undefined);
    }
  };

  const latest = booked.at(-1);
  return (
    <section className="k-svc" data-testid="booking" aria-labelledby="booking-title">
      <Text as="h2" k="services:booking.title" id="booking-title" className="k-svc__title" />
      {latest ? (
        <BookingThread
          appointment={latest}
          updates={station.updates.filter((u) => u.caseId === latest.id)}
          slots={slots}
          onTakeOffer={(offer) => void book(offer)}
        />
      ) : chosen === undefined ? (
        <div className="k-svc__block" data-testid="booking-slots">
          {!station.loaded ? <Text as="p" k="services:booking.loading" /> : null}
          {station.loaded && slots.length === 0 ? (
            <Text as="p" k="services:booking.noSlots" className="k-svc__strong" />
          ) : null}
          {error?.kind === 'slotGone' ? (
            <div role="alert" className="k-svc__alert">
              <Text k="services:booking.error.slotGone" />
            </div>
          ) : null}
          {slots.length > 0 ? <Text as="p" k="services:booking.pick" /> : null}
          <div className="k-booking__slots" role="group">
            {slots.slice(0, SHOWN_SLOTS).map((slot) => (
              <button
                key={`${slot.date}T${slot.time}`}
                type="button"
                className="k-booking__slot"
                data-slot={`${slot.date}T${slot.time}`}
                onClick={() => setChosen(slot)}
              >
                <SlotText slot={slot} />
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div className="k-svc__block" data-testid="booking-details">
          <p className="k-svc__strong" data-testid="booking-chosen">
            <SlotText slot={chosen} />
          </p>
          <BigButton
            label="services:booking.otherTime"
            variant="secondary"
            className="k-act--other-time"
            onPress={() => setChosen(undefined)}
          />
          <Text as="p" k="services:booking.topic" />
          <div className="k-svc__row" role="group">
            {CASE_CATEGORIES.map((c) => (
              <BigButton
                key={c}
                label={familyKey('domain:caseCategory', c)}
                variant="secondary"
                pressed={category === c}
                className={`k-booking__topic k-booking__topic--${c}`}
                onPress={() => setCategory(c)}
              />
            ))}
          </div>
          <FieldForm
            fields={FIELDS}
            values={values}
            onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
            active={active}
            onActivate={setActive}
            messages={errorMessages(error)}
          />
          <BigButton
            label="services:booking.book"
            icon="check"
            className="k-act--book"
            onPress={() => void book(chosen)}
          />
        </div>
      )}
    </section>
  );
}

const STATE_TEXT: Readonly<Record<BookingState['kind'], TranslationKey>> = {
  waiting: 'services:booking.state.waiting',
  received: 'services:booking.state.received',
  confirmed: 'services:booking.state.confirmed',
  declined: 'services:booking.state.declined',
  cancelled: 'services:booking.state.cancelled',
};

function BookingThread({
  appointment,
  updates,
  slots,
  onTakeOffer,
}: {
  readonly appointment: Appointment;
  readonly updates: readonly CaseUpdate[];
  readonly slots: readonly Slot[];
  readonly onTakeOffer: (slot: Slot) => void;
}) {
  const { i18n } = useT();
  const settings = useDeviceSettings();
  const stationName = useStationName().name;
  const state = bookingState(updates);
  const slot = { date: appointment.preferredDate, time: appointment.slotTime ?? '' };
  const code = appointment.trackingCode;
  // The offered time, if this kiosk still offers it (it may have been booked here meanwhile).
  const offer =
    state.kind === 'declined' && state.offer
      ? slots.find((s) => s.date === state.offer!.date && s.time === state.offer!.time)
      : undefined;
  const bookingSlip = (): PrintDocumentSpec | undefined => {
    // The slip is in the language the booking was made in.
    const lng = appointment.language;
    const t = (key: TranslationKey, values: Record<string, unknown> = {}) =>
      textOfKey(i18n, key, lng, values);
    return slipSpec(
      {
        language: lng,
        title: t('services:booking.slip.title'),
        trackingCode: code,
        stationName,
        issuedAt: appointment.submittedAt,
        sections: [
          {
            lines: [
              {
                label: t('services:booking.slip.when'),
                text: t('services:booking.slot', {
                  ...slotValues(slot),
                  weekday: t(WEEKDAYS[isoWeekday(slot.date)]!),
                }),
              },
              { label: t('services:booking.slip.name'), text: appointment.contact?.name ?? '' },
              { label: t('services:booking.slip.status'), text: t(STATE_TEXT[state.kind]) },
              { text: t('services:booking.slip.bring') },
            ],
          },
        ],
      },
      settings.printers,
    );
  };
  return (
    <article
      className="k-svc__card k-booking__thread"
      data-testid="booking-thread"
      data-state={state.kind}
    >
      <Text as="h3" k="services:booking.bookedTitle" />
      <p className="k-svc__strong" data-testid="booking-slot">
        <SlotText slot={slot} />
      </p>
      <p className="k-question__code" data-testid="booking-code" lang="zh-Hans">
        {formatTrackingCode(code)}
      </p>
      <div data-testid="booking-state">
        <Text as="p" k={STATE_TEXT[state.kind]} />
      </div>
      {state.kind === 'declined' ? (
        offer ? (
          <div className="k-booking__offer" data-testid="booking-offer">
            <Text as="p" k="services:booking.offer" />
            <p className="k-svc__strong">
              <SlotText slot={offer} />
            </p>
            <BigButton
              label="services:booking.takeOffer"
              icon="check"
              className="k-act--take-offer"
              onPress={() => onTakeOffer(offer)}
            />
          </div>
        ) : (
          <Text as="p" k="services:booking.noOffer" />
        )
      ) : null}
      <SlipPrintButton
        label="services:booking.print"
        className="k-act--print-booking"
        spec={bookingSlip}
      />
    </article>
  );
}
