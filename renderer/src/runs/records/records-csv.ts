import Papa from 'papaparse';
import { CSV_FORMAT, UTF8_BOM, type Sheet } from '../../../../shared/flow/records-sheet';

/** A sheet as the text of a CSV file (Papa Parse quotes what needs it; {@link CSV_FORMAT} says how). */
export function csvText({ fields, data, delimiter }: Sheet): string {
  return `${UTF8_BOM}${Papa.unparse({ fields, data }, { delimiter, ...CSV_FORMAT })}${CSV_FORMAT.newline}`;
}
