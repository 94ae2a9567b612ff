import { textCatalogue, wording, type CodedText, type TextLanguage } from '../wording';

type Value = { value: string };
type Typed = { type: string };
/** What a number was expected as, in `expectedNumber`. */
type NumberKind = 'amount' | 'quantity' | 'decimal';

const numberKind: Record<TextLanguage, Record<NumberKind, string>> = {
  en: { amount: 'an amount', quantity: 'a quantity', decimal: 'a decimal' },
  nl: { amount: 'een bedrag', quantity: 'een aantal', decimal: 'een decimaal getal' },
};

/**
 * Why a value does not fit MplusKASSA's schema, on the way there (a request Koppel refuses to send)
 * or back (an answer it cannot read): the reason inside `mplusRequestInvalid` and
 * `mplusAnswerInvalid`, after the path of the field. Values, XSD type and element names are shown
 * as they are.
 */
export const mplusValueReasons = {
  // Money: integer cents on the wire.
  notWholeCents: wording<Value>(
    ({ value }) => `${value} is not an integer number of cents`,
    ({ value }) => `${value} is geen geheel aantal centen`,
  ),
  amountNotFinite: wording<Value>(
    ({ value }) => `${value} is not a finite amount`,
    ({ value }) => `${value} is geen eindig bedrag`,
  ),
  amountTooPrecise: wording<Value>(
    ({ value }) => `${value} has more than 2 decimals; round it to cents first`,
    ({ value }) => `${value} heeft meer dan 2 decimalen; rond het eerst af op centen`,
  ),
  amountTooLarge: wording<Value>(
    ({ value }) => `${value} is too large for an amount`,
    ({ value }) => `${value} is te groot voor een bedrag`,
  ),
  // Quantities: an unscaled integer and its number of decimals.
  quantityNotWhole: wording<Value>(
    ({ value }) => `${value} is not an integer quantity`,
    ({ value }) => `${value} is geen geheel aantal`,
  ),
  decimalPlacesInvalid: wording<Value>(
    ({ value }) => `${value} is not a valid number of decimal places`,
    ({ value }) => `${value} is geen geldig aantal decimalen`,
  ),
  quantityNotFinite: wording<Value>(
    ({ value }) => `${value} is not a finite quantity`,
    ({ value }) => `${value} is geen eindig aantal`,
  ),
  quantityTooLarge: wording<Value>(
    ({ value }) => `${value} is too large for a quantity`,
    ({ value }) => `${value} is te groot voor een aantal`,
  ),
  quantityTooPrecise: wording<Value & { places: number }>(
    ({ value, places }) => `${value} has more than ${places} decimals`,
    ({ value, places }) => `${value} heeft meer dan ${places} decimalen`,
  ),
  // Decimals, dates and times.
  notDecimalText: wording<Value>(
    ({ value }) => `"${value}" is not an xsd:decimal`,
    ({ value }) => `"${value}" is geen xsd:decimal`,
  ),
  decimalNotFinite: wording<Value>(
    ({ value }) => `${value} is not a finite decimal`,
    ({ value }) => `${value} is geen eindig decimaal getal`,
  ),
  notCalendarDate: wording<Value>(
    ({ value }) => `${value} is not a calendar date`,
    ({ value }) => `${value} is geen bestaande datum`,
  ),
  notIsoDateTime: wording<Value>(
    ({ value }) => `"${value}" is not an ISO 8601 date-time`,
    ({ value }) => `"${value}" is geen ISO 8601-datum met tijd`,
  ),
  timeOfDayInvalid: wording<Value>(
    ({ value }) => `"${value}" has an invalid time of day`,
    ({ value }) => `"${value}" heeft een ongeldig tijdstip`,
  ),
  dateTimeInvalid: wording<Value>(
    ({ value }) => `"${value}" is not a valid date-time`,
    ({ value }) => `"${value}" is geen geldige datum met tijd`,
  ),
  notTimeOfDay: wording<Value>(
    ({ value }) => `${value} is not a time of day`,
    ({ value }) => `${value} is geen tijdstip`,
  ),
  // The shape of what was given (`got` is JavaScript's name of the type given).
  expectedDateText: wording<{ got: string }>(
    ({ got }) => `expected an ISO date string, got ${got}`,
    ({ got }) => `verwachtte een ISO-datum als tekst, kreeg ${got}`,
  ),
  expectedNumber: wording<{ what: string; got: string }>(
    ({ what, got }) => `expected ${numberKind.en[what as NumberKind] ?? what} as a number, got ${got}`,
    ({ what, got }) => `verwachtte ${numberKind.nl[what as NumberKind] ?? what} als getal, kreeg ${got}`,
  ),
  expectedObject: wording<Typed>(
    ({ type }) => `expected an object of type ${type}`,
    ({ type }) => `verwachtte een object van type ${type}`,
  ),
  expectedList: wording<Record<string, never>>(
    () => 'expected a list',
    () => 'verwachtte een lijst',
  ),
  notAnElement: wording<Typed>(
    ({ type }) => `is not an element of ${type}`,
    ({ type }) => `is geen element van ${type}`,
  ),
  setFromQuantity: wording<Record<string, never>>(
    () => 'is set from the decimal quantity; leave it out',
    () => 'volgt uit het decimale aantal; laat het weg',
  ),
  requiredBySchema: wording<Typed>(
    ({ type }) => `is required by the schema (${type})`,
    ({ type }) => `is verplicht volgens het schema (${type})`,
  ),
  // A scalar against its XSD type.
  notEnumValue: wording<Value & Typed>(
    ({ value, type }) => `${value} is not one of the ${type} values`,
    ({ value, type }) => `${value} is geen van de waarden van ${type}`,
  ),
  notXsdType: wording<Value & Typed>(
    ({ value, type }) => `${value} is not an xsd:${type}`,
    ({ value, type }) => `${value} is geen xsd:${type}`,
  ),
  notBoolean: wording<Value>(
    ({ value }) => `${value} is not a boolean`,
    ({ value }) => `${value} is geen booleaanse waarde (true of false)`,
  ),
  notDecimalValue: wording<Value>(
    ({ value }) => `${value} is not an xsd:decimal text`,
    ({ value }) => `${value} is geen xsd:decimal als tekst`,
  ),
  notBase64: wording<Record<string, never>>(
    () => 'is not base64 text',
    () => 'is geen base64-tekst',
  ),
  notText: wording<Value>(
    ({ value }) => `${value} is not a string`,
    ({ value }) => `${value} is geen tekst`,
  ),
  controlCharacter: wording<Record<string, never>>(
    () => 'contains a control character XML cannot carry',
    () => 'bevat een stuurteken dat XML niet kan bevatten',
  ),
  // The connection's address.
  urlInvalid: wording<{ url: string }>(
    ({ url }) => `"${url}" is not a valid URL`,
    ({ url }) => `"${url}" is geen geldige URL`,
  ),
  urlNotHttp: wording<{ url: string }>(
    ({ url }) => `"${url}" must start with http:// or https://`,
    ({ url }) => `"${url}" moet met http:// of https:// beginnen`,
  ),
};

const reasons = textCatalogue(mplusValueReasons);

/** Every reason code this version knows. */
export const MPLUS_VALUE_REASON_CODES = reasons.codes;

/** A reason with its parameters checked against its wording. */
export const mplusValueReason = reasons.make;

/** A reason in `language`; the code itself for one this version does not know. */
export function valueReasonWords(reason: CodedText, language: TextLanguage): string {
  return reasons.text(reason, language) ?? reason.code;
}

/** The English words of a reason (errors keep them as their message). */
export const englishValueReason = (reason: CodedText): string => valueReasonWords(reason, 'en');
