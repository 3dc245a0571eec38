/** Staff mode: the calls for staff from residents at this kiosk, to answer. */
import { BigButton, Text, useLanguage, useT } from '@pls/shared/ui';
import { useRuntime, useStaffCalls } from '../ui/runtime';
import { Panel, When } from './panel';
import { callPlaceKeys } from './place-names';

export function StaffCallsPanel() {
  const { staffCalls } = useRuntime();
  const calls = useStaffCalls();
  const { t } = useT();
  const { language } = useLanguage();
  // Screen and step of the form: a middle dot in Chinese, the Mongolian comma in Mongolian.
  const separator = language === 'mn-Mong' ? '\u1802 ' : ' · ';
  return (
    <Panel title="kiosk:staff.calls.title" testId="panel-calls">
      {calls.length === 0 ? <Text as="p" k="kiosk:staff.calls.none" /> : null}
      <ul className="k-list">
        {calls.map((call) => (
          <li key={call.id} className="k-list__row" data-testid="staff-call">
            <When at={call.at} />
            <Text
              k="kiosk:staff.calls.from"
              values={{
                screen: callPlaceKeys(call.place)
                  .map((key) => t(key))
                  .join(separator),
              }}
              vertical={false}
            />
            <BigButton
              label="kiosk:staff.calls.answer"
              variant="secondary"
              onPress={() => staffCalls.answer(call.id)}
            />
          </li>
        ))}
      </ul>
    </Panel>
  );
}
