/**
 * What the resident is told about each problem the apply flow can find: one message per error,
 * specific enough to act on ("the last character does not match" rather than "invalid").
 */
import type { IdNumberError } from '@pls/shared/domain';
import type { TranslationKey } from '@pls/shared/i18n';
import type { FieldError } from './apply-flow';

const ID_NUMBER: Readonly<Record<IdNumberError['kind'], TranslationKey>> = {
  empty: 'kiosk:error.idNumber.empty',
  length: 'kiosk:error.idNumber.length',
  characters: 'kiosk:error.idNumber.characters',
  checkDigit: 'kiosk:error.idNumber.checkDigit',
  region: 'kiosk:error.idNumber.region',
  birthDate: 'kiosk:error.idNumber.birthDate',
  birthDateInFuture: 'kiosk:error.idNumber.birthDate',
  birthDateMismatch: 'kiosk:error.idNumber.birthDateMismatch',
};

function idNumberMessage(error: IdNumberError): TranslationKey {
  return ID_NUMBER[error.kind];
}

function fieldMessage(error: FieldError): TranslationKey {
  switch (error.field) {
    case 'idNumber':
      return idNumberMessage(error.error);
    case 'name':
      return error.error.kind === 'tooLong' ? 'kiosk:error.name.tooLong' : 'kiosk:error.name.empty';
    case 'address':
      return error.error.kind === 'tooLong'
        ? 'kiosk:error.address.tooLong'
        : 'kiosk:error.address.empty';
    case 'birthDate':
    case 'sex':
      return 'kiosk:error.identity.incomplete';
    case 'phone':
      return error.error.kind === 'empty' ? 'kiosk:error.phone.empty' : 'kiosk:error.phone.format';
    case 'identity':
      return error.error.kind === 'missing'
        ? 'kiosk:error.identity.missing'
        : 'kiosk:error.identity.needsStaff';
    case 'caseCategory':
      return 'kiosk:error.category.missing';
    case 'hardshipBases':
      return 'kiosk:error.hardship.missing';
    case 'description':
      return error.error.kind === 'tooLong'
        ? 'kiosk:error.description.tooLong'
        : 'kiosk:error.description.missing';
    case 'photos':
      return 'kiosk:error.photos.tooMany';
    case 'consent':
      return 'kiosk:error.consent.missing';
  }
}

/** One notice per distinct message, in the order the errors came. */
export function distinctMessages(errors: readonly FieldError[]): TranslationKey[] {
  return [...new Set(errors.map(fieldMessage))];
}
