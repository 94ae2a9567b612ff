/** Text escaping for element content written by the SOAP encoders. */

// XML 1.0 Char production: tab, LF, CR and U+0020 upwards, minus surrogates halves and U+FFFE/U+FFFF.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HAS_SPECIAL = /[&<>\r]/;
const SPECIAL = /[&<>\r]/g;
const REPLACEMENT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

// Cheap pre-check: almost all text has none of these, so the exact (slower) pattern rarely runs.
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Characters XML cannot carry at all; callers turn this into an error naming the field. */
export const hasForbiddenXmlChar = (text: string): boolean => SUSPECT.test(text) && FORBIDDEN.test(text);

/** Escapes element text. `\r` is kept as a character reference so XML end-of-line handling keeps it. */
export const escapeXmlText = (text: string): string =>
  HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (char) => REPLACEMENT[char] ?? char) : text;
