/**
 * A button that prints one document (a receipt, an answer slip, a booking slip, a filled
 * template) and then says what happened. A printer out of paper is an outcome shown in words,
 * never an exception; the resident can press again once staff refilled it.
 */
import { useState } from 'react';
import type { TranslationKey } from '@pls/shared/i18n';
import type { PrintDocumentSpec } from '@pls/shared/print';
import { BigButton, Text } from '@pls/shared/ui';
import { useDeviceSettings, useRuntime } from '../ui/runtime';
import { printSpec, type PrintOutcome } from './print-documents';

function messageOf(outcome: PrintOutcome | 'printing'): TranslationKey {
  if (outcome === 'printing') return 'services:print.printing';
  switch (outcome.kind) {
    case 'printed':
      return 'services:print.printed';
    case 'disabled':
      return 'services:print.disabled';
    case 'notReady':
    case 'failed':
      return 'services:print.failed';
  }
}

export function SlipPrintButton({
  label,
  spec,
  className,
}: {
  readonly label: TranslationKey;
  /** Built when pressed; undefined when this station prints no such paper. */
  readonly spec: () => PrintDocumentSpec | undefined;
  readonly className: string;
}) {
  const { kiosk } = useRuntime();
  const settings = useDeviceSettings();
  const [outcome, setOutcome] = useState<PrintOutcome | 'printing' | undefined>(undefined);
  const press = async () => {
    setOutcome('printing');
    setOutcome(await printSpec(kiosk.print, spec(), settings.printers));
  };
  return (
    <div
      className="k-print"
      data-testid={className}
      data-outcome={
        outcome === undefined ? 'none' : outcome === 'printing' ? 'printing' : outcome.kind
      }
    >
      <BigButton
        label={label}
        icon="check"
        variant="secondary"
        className={className}
        disabled={outcome === 'printing'}
        onPress={() => void press()}
      />
      {outcome !== undefined ? (
        <p className="k-print__message" role="status">
          <Text k={messageOf(outcome)} />
        </p>
      ) : null}
    </div>
  );
}
