import { englishMessage, runMessage, type RunMessage } from '../../shared/flow/run-messages';

/** What went wrong in user code. */
export type CodeErrorKind = 'syntax' | 'runtime' | 'timeout' | 'memory' | 'stack' | 'output';

/**
 * A problem in user code as the messages that report it take it: its own code and parameters, the
 * position, and which of a node's expressions it is in (the field mapper's).
 */
export type CodeProblem = { problem: string; line?: number; column?: number } & Record<
  string,
  string | number
>;

/**
 * An error in user JavaScript, with the line and column in the user's own code when known. Given as
 * a code from the message catalogue (`text`), it can be worded in the UI's language; `message` is
 * the English sentence either way.
 */
export class CodeError extends Error {
  readonly text: RunMessage | undefined;
  /** The problem as parameters of the messages that report it (`codeNodeFailed`, `expressionFailed`). */
  readonly problem: CodeProblem;

  constructor(
    readonly kind: CodeErrorKind,
    message: string | RunMessage,
    readonly line?: number,
    readonly column?: number,
    /** 1-based: which of a node's expressions (the field mapper's) the problem is in. */
    expression?: number,
  ) {
    const problem: CodeProblem = {
      ...(typeof message === 'string' ? { detail: message } : message.params),
      problem: typeof message === 'string' ? 'codeJsError' : message.code,
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
      ...(expression === undefined ? {} : { expression }),
    };
    // The English sentence with its position, worded by the catalogue like every other language.
    super(englishMessage(runMessage('codeProblemAt', problem)));
    this.name = 'CodeError';
    this.text = typeof message === 'string' ? undefined : message;
    this.problem = problem;
  }

  /** The message without the position (for editors that mark the line themselves). */
  get detail(): string {
    return this.text ? englishMessage(this.text) : String(this.problem.detail);
  }

  /** The same problem in one of a node's expressions (1-based). */
  inExpression(expression: number): CodeError {
    return new CodeError(this.kind, this.text ?? this.detail, this.line, this.column, expression);
  }
}
