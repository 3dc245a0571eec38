import type { TranslationKey } from '@pls/shared/i18n';
import type { ConsoleUser } from '../../src/console/api-types';

export function roleKey(role: ConsoleUser['role']): TranslationKey {
  switch (role) {
    case 'admin':
      return 'console:role.admin';
    case 'reviewer':
      return 'console:role.reviewer';
    case 'station_staff':
      return 'console:role.station_staff';
  }
}
