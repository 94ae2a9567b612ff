import { problemIn, type FlowProblem } from '../../../../shared/flow/flow-problem';
import type { TextLanguage } from '../../../../shared/flow/wording';

/**
 * A validation message as the editor shows it next to the node: without the flow's name in front
 * (the editor shows one flow) and without node ids in brackets (people recognise nodes by name).
 */
export function problemText(message: string): string {
  return message
    .replace(/^Flow "(?:[^"\\]|\\.)*": /, '')
    .replace(/ \([A-Za-z0-9_-]{6,64}\)/g, '')
    .replace(/^./, (first) => first.toUpperCase());
}

/** A validation problem as the editor shows it, in the UI's language (see {@link problemText}). */
export function problemTextIn(
  problem: Pick<FlowProblem, 'message' | 'text'>,
  language: TextLanguage,
): string {
  return problemText(problemIn(problem, language));
}
