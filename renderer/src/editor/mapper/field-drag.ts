/** The drag payload type of a source field in the mapper: its record path. */
export const FIELD_MIME = 'application/x-koppel-field';
