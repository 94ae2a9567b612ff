/**
 * Which wire fields carry money or scaled quantities. The lists follow the official generated PHP
 * client (MplusKASSA/mplusqapi-php), which converts exactly these element names; see the digest §4.
 * Applied by the generator, which records the result per field in the generated schema model.
 */

/** `xsd:long` fields holding integer cents (19.95 ↔ 1995). */
export const MONEY_FIELDS: ReadonlySet<string> = new Set([
  'addedAmount',
  'amount',
  'amountCents',
  'articlePurchasePrice',
  'averagePurchasePrice',
  'bookingAmount',
  'bpeAmount',
  'bpeAmountExcl',
  'countedAmount',
  'creditedExclAmount',
  'creditedInclAmount',
  'depositedAmount',
  'differenceAmount',
  'discountAmount',
  'discountAmountExcl',
  'discountPrice',
  'endAmount',
  'exclAmount',
  'finalAmount',
  'hourlyRate',
  'inclAmount',
  'menuAmount',
  'openInclAmount',
  'originalPrice',
  'originalPriceExcl',
  'paidAmount',
  'prepaidAmount',
  'prepayAmount',
  'price',
  'priceExcl',
  'priceIncl',
  'purchaseAmount',
  'purchasePrice',
  'salePriceExcl',
  'salePriceIncl',
  'startAmount',
  'totalAmount',
  'totalAmountMinimum',
  'totalExclAmount',
  'totalInclAmount',
  'totalPriceExcl',
  'totalPriceIncl',
  'totalPurchasePrice',
  'vatAmount',
]);

/** Change records carry `…Old` / `…New` variants of the money fields. */
export function isMoneyFieldName(name: string): boolean {
  if (MONEY_FIELDS.has(name)) return true;
  const base = name.replace(/(Old|New)$/, '');
  return base !== name && MONEY_FIELDS.has(base);
}

/** `xsd:long` value + `int` number of decimals (1.25 ↔ 125, 2). Only applied when both are in one type. */
export const QUANTITY_PAIRS: readonly (readonly [value: string, scale: string])[] = [
  ['quantity', 'decimalPlaces'],
  ['amount', 'decimalPlaces'],
  ['amountChanged', 'decimalPlaces'],
  ['amountFree', 'decimalPlacesFree'],
  ['amountReserved', 'decimalPlacesReserved'],
  ['amountIncoming', 'decimalPlacesIncoming'],
  ['deliveredQuantity', 'deliveredDecimalPlaces'],
  ['cancelledQuantity', 'cancelledDecimalPlaces'],
  ['contentQuantity', 'contentQuantityDecimalPlaces'],
  ['orderQuantityValue', 'orderQuantityDecimalPlaces'],
  ['exchangeRateBuyPrice', 'exchangeRateBuyPriceDecimalPlaces'],
  ['exchangeRateSellPrice', 'exchangeRateSellPriceDecimalPlaces'],
  ['minimumAmount', 'minimumAmountDecimalPlaces'],
  ['actualAmount', 'actualAmountDecimalPlaces'],
  ['countedAmount', 'countedAmountDecimalPlaces'],
  ['beforeCorrectionQuantity', 'beforeCorrectionDecimalPlaces'],
  ['afterCorrectionQuantity', 'afterCorrectionDecimalPlaces'],
  ['quantityOld', 'decimalPlacesOld'],
  ['quantityNew', 'decimalPlacesNew'],
];
