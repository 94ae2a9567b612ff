import { isoToMplusDate, isoToMplusDateTime, mplusDateToIso } from '../../conversions';
import type { WireSoapMplusDate, WireSoapMplusDateTime } from '../../generated/wire-types';

/** Wire date structs for instants, in Europe/Amsterdam time as the real server keeps them. */

export const wireDateTime = (epochMs: number): WireSoapMplusDateTime => isoToMplusDateTime(new Date(epochMs));

export const wireDate = (epochMs: number): WireSoapMplusDate => {
  const { day, mon, year } = isoToMplusDateTime(new Date(epochMs));
  return { day, mon, year };
};

/** 'YYYY-MM-DD' of a wire date, for comparisons. */
export const isoOfWireDate = (date: WireSoapMplusDate): string => mplusDateToIso(date);

export const wireDateOfIso = (iso: string): WireSoapMplusDate => isoToMplusDate(iso);
