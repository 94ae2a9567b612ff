/** What went wrong in user code. */
export type CodeErrorKind = 'syntax' | 'runtime' | 'timeout' | 'memory' | 'stack' | 'output';

/** An error in user JavaScript, with the line and column in the user's own code when known. */
export class CodeError extends Error {
  constructor(
    readonly kind: CodeErrorKind,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(
      line === undefined
        ? message
        : `${message} (line ${line}${column === undefined ? '' : `, column ${column}`})`,
    );
    this.name = 'CodeError';
  }

  /** The message without the position (for editors that mark the line themselves). */
  get detail(): string {
    return this.message.replace(/ \(line \d+(, column \d+)?\)$/, '');
  }
}
