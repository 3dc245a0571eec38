/**
 * The JSON shape of a card for the technician CLI and logs: fixed key order, no photo.
 * Fields: cardType, name, englishName (foreign cards), sex, nation (resident cards),
 * nationality (foreign cards), birthDate, address, idNumber, idNumberValid, issuer, validFrom,
 * validTo, then the type's own extra fields.
 */
import type { IdCardData } from './types';

export type IdCardJson = Readonly<Record<string, unknown>>;

export function cardToJson(card: IdCardData): IdCardJson {
  const common = {
    cardType: card.cardType,
    name: card.name,
  };
  switch (card.cardType) {
    case 'resident':
      return {
        ...common,
        sex: card.sex,
        nation: { code: card.nation.code, name: card.nation.name },
        birthDate: card.birthDate,
        address: card.address,
        idNumber: card.idNumber,
        idNumberValid: card.idNumberValid,
        issuer: card.issuer,
        validFrom: card.validFrom,
        validTo: card.validTo,
      };
    case 'hmt-permit':
      return {
        ...common,
        sex: card.sex,
        birthDate: card.birthDate,
        address: card.address,
        idNumber: card.idNumber,
        idNumberValid: card.idNumberValid,
        issuer: card.issuer,
        validFrom: card.validFrom,
        validTo: card.validTo,
        passNumber: card.passNumber,
        issueCount: card.issueCount,
      };
    case 'foreign-2017':
      return {
        ...common,
        englishName: card.englishName,
        sex: card.sex,
        nationality: card.nationality,
        birthDate: card.birthDate,
        idNumber: card.idNumber,
        idNumberValid: card.idNumberValid,
        issuer: card.issuer,
        validFrom: card.validFrom,
        validTo: card.validTo,
        cardVersion: card.cardVersion,
      };
    case 'foreign-2023':
      return {
        ...common,
        englishName: card.englishName,
        sex: card.sex,
        nationality: card.nationality,
        birthDate: card.birthDate,
        idNumber: card.idNumber,
        idNumberValid: card.idNumberValid,
        validFrom: card.validFrom,
        validTo: card.validTo,
        renewalCount: card.renewalCount,
      };
  }
}

/** The same card without its photo, for IPC and events that must stay photo-free. */
export function withoutPhoto(card: IdCardData): IdCardData {
  if (card.photo === undefined) return card;
  const { photo: _photo, ...rest } = card;
  return rest;
}
