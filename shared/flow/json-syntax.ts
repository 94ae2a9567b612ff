/**
 * The JSON parser's complaint about `text`, with the line and column it stopped at. Node 20's V8
 * names only the offset ("at position 13842"), useless in a hand-edited flow of 500 lines; later
 * ones add "(line 1 column 3)" themselves, which is kept as it is.
 */
export function jsonSyntaxDetail(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/\(line \d+ column \d+\)/.test(message)) return message;
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : message.includes('end of JSON input') ? text.length : undefined;
  if (offset === undefined || offset > text.length) return message;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message} (line ${line} column ${column})`;
}
