import { read } from 'read';

/**
 * Answers to questions a command asks (a connection's ident and secret): typed at a prompt on a
 * terminal, hidden where asked, or one line each from piped standard input, so a script can give
 * them (`printf '%s\n' "$IDENT" "$SECRET" | koppel connections add-mplus …`) without a secret on
 * the command line, where other users see it in the process list and it stays in shell history.
 */
export type Ask = (question: string, options: { hidden: boolean }) => Promise<string>;

export function createTerminalAsk(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Ask {
  // npm's own prompt (it reads npm's passwords): echo off for hidden answers, Ctrl+C cancels.
  if (input.isTTY)
    return async (question, { hidden }) =>
      String(await read({ prompt: question, silent: hidden, replace: hidden ? '*' : '', input, output }));
  let lines: Promise<string[]> | undefined;
  let next = 0;
  return async () => {
    lines ??= readAll(input).then((text) => text.split(/\r?\n/));
    return (await lines)[next++] ?? '';
  };
}

async function readAll(input: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
