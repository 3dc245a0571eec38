/** Staff mode, with the simulated reader: its controls, for demonstrations. */
import { BigButton, Text } from '@pls/shared/ui';
import { useRuntime } from '../ui/runtime';
import { Panel } from './panel';

export function SimulatorPanel() {
  const { kiosk } = useRuntime();
  return (
    <Panel title="kiosk:staff.simulator.title" testId="panel-simulator">
      <Text as="p" k="kiosk:staff.simulator.explain" />
      <div className="k-actions">
        <BigButton
          label="kiosk:staff.simulator.placeResident"
          variant="secondary"
          onPress={() => void kiosk.simulator.placeCard({ cardType: 'resident' })}
        />
        <BigButton
          label="kiosk:staff.simulator.placeForeign"
          variant="secondary"
          onPress={() => void kiosk.simulator.placeCard({ cardType: 'foreign-2023' })}
        />
        <BigButton
          label="kiosk:staff.simulator.lift"
          variant="secondary"
          onPress={() => void kiosk.simulator.liftCard()}
        />
        <BigButton
          label="kiosk:staff.simulator.unplug"
          variant="secondary"
          onPress={() => void kiosk.simulator.unplug()}
        />
        <BigButton
          label="kiosk:staff.simulator.replug"
          variant="secondary"
          onPress={() => void kiosk.simulator.replug()}
        />
      </div>
    </Panel>
  );
}
