import { englishMessage, type RunMessage } from '../../shared/flow/run-messages';

/** What went wrong in user code. */
export type CodeErrorKind = 'syntax' | 'runtime' | 'timeout' | 'memory' | 'stack' | 'output';

/**
 * An error in user JavaScript, with the line and column in the user's own code when known. Given as
 * a code from the message catalogue (`text`), it can be worded in the UI's language; `message` is
 * the English sentence either way.
 */
export class CodeError extends Error {
  readonly text: RunMessage | undefined;

  constructor(
    readonly kind: CodeErrorKind,
    message: string | RunMessage,
    readonly line?: number,
    readonly column?: number,
  ) {
    const english = typeof message === 'string' ? message : englishMessage(message);
    super(
      line === undefined
        ? english
        : `${english} (line ${line}${column === undefined ? '' : `, column ${column}`})`,
    );
    this.name = 'CodeError';
    this.text = typeof message === 'string' ? undefined : message;
  }

  /**
   * The problem as parameters of the messages that report it (`codeNodeFailed`,
   * `expressionFailed`): its own code and parameters, and the position.
   */
  get problem(): { problem: string; line?: number; column?: number } & Record<string, string | number> {
    return {
      ...(this.text?.params ?? { detail: this.detail }),
      problem: this.text?.code ?? 'codeJsError',
      ...(this.line === undefined ? {} : { line: this.line }),
      ...(this.column === undefined ? {} : { column: this.column }),
    };
  }

  /** The message without the position (for editors that mark the line themselves). */
  get detail(): string {
    return this.message.replace(/ \(line \d+(, column \d+)?\)$/, '');
  }
}
