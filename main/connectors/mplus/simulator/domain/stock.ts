import { scaleQuantity, unscaleQuantity } from '../../conversions';
import type { WireArticleStock } from '../../generated/wire-types';
import { wireDateTime } from './clock';
import { stockKey, type TwinState } from '../state/twin-state';

/** Stock per (branch, article) with `stockId` as the stock family's change marker. */

export interface StockChange {
  free?: number;
  reserved?: number;
  incoming?: number;
}

function scaled(value: number): { amount: number; places: number } {
  const { value: amount, decimalPlaces } = scaleQuantity(value);
  return { amount, places: decimalPlaces };
}

/** The current record, or a zero record (not stored) for a stock article without one yet. */
export function stockRecord(state: TwinState, branchNumber: number, articleNumber: number): WireArticleStock {
  return (
    state.stock.get(stockKey(branchNumber, articleNumber)) ?? {
      branchNumber,
      articleNumber,
      stockId: 0,
      amountFree: 0,
      decimalPlacesFree: 0,
      amountReserved: 0,
      decimalPlacesReserved: 0,
      amountIncoming: 0,
      decimalPlacesIncoming: 0,
      isDayStockArticle: false,
    }
  );
}

export const freeQuantity = (record: WireArticleStock): number =>
  unscaleQuantity(record.amountFree, record.decimalPlacesFree ?? 0);

/** Applies deltas (decimals) or absolute values and gives the record the next stockId. */
export function changeStock(
  state: TwinState,
  branchNumber: number,
  articleNumber: number,
  change: { delta?: StockChange; setFree?: number },
  now: number,
): WireArticleStock {
  const record = { ...stockRecord(state, branchNumber, articleNumber) };
  const current = {
    free: freeQuantity(record),
    reserved: unscaleQuantity(record.amountReserved, record.decimalPlacesReserved ?? 0),
    incoming: unscaleQuantity(record.amountIncoming, record.decimalPlacesIncoming ?? 0),
  };
  const free = change.setFree ?? current.free + (change.delta?.free ?? 0);
  const reserved = current.reserved + (change.delta?.reserved ?? 0);
  const incoming = current.incoming + (change.delta?.incoming ?? 0);
  const f = scaled(free);
  const r = scaled(reserved);
  const i = scaled(incoming);
  Object.assign(record, {
    changeTimestamp: wireDateTime(now),
    stockId: state.nextStockId(),
    amountFree: f.amount,
    decimalPlacesFree: f.places,
    amountReserved: r.amount,
    decimalPlacesReserved: r.places,
    amountIncoming: i.amount,
    decimalPlacesIncoming: i.places,
  });
  state.stock.set(stockKey(branchNumber, articleNumber), record);
  return record;
}
