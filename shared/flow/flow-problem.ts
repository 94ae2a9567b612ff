import { z } from 'zod';
import { problemMessages } from './messages/problem-messages';
import { CodedText, textCatalogue, type TextLanguage } from './wording';

/**
 * One finding of flow validation, as the editor shows it on a node or edge. `field` is the config
 * path inside the node (`fields.2.target`) when the finding is about one field.
 */
export const FlowProblem = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
  /** The English sentence (the command line prints it). */
  message: z.string(),
  /** The same as a code of `messages/problem-messages.ts`, for the editor to word in its language. */
  text: CodedText.optional(),
});
export type FlowProblem = z.infer<typeof FlowProblem>;

/** Whether the problems allow the flow to run. */
export function hasErrors(problems: readonly FlowProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

const problems = textCatalogue(problemMessages);

/** A problem's text with its parameters checked against its wording. */
export const problemMessage = problems.make;

/** The English sentence of a problem's text. */
export function englishProblem(text: CodedText): string {
  return problems.text(text, 'en') ?? text.code;
}

/** A problem in `language`: from its code when this version knows it, else its sentence. */
export function problemIn(problem: Pick<FlowProblem, 'message' | 'text'>, language: TextLanguage): string {
  return (problem.text && problems.text(problem.text, language)) ?? problem.message;
}
