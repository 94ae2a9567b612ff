/** The drag payload type of a palette entry: its `kind@version`. */
export const KIND_MIME = 'application/x-koppel-kind';
