import { nanoid } from 'nanoid';
import { z } from 'zod';
import { WizardQuestion, type WizardQuestionType } from '../../shared/api/calls/wizard';
import { KoppelError } from '../../shared/api/errors';
import { FlowDocument } from '../../shared/flow/flow-document';
import type { NodeCatalog } from '../../shared/nodes/catalog';
import { boundNodes } from './plan-questions';
import { QUESTION_BINDINGS, SCHEDULE_QUESTION_ID } from './question-bindings';

/** The value schema of each question type (the `value` field of its variant). */
const valueSchemas = new Map<WizardQuestionType, z.ZodType>(
  WizardQuestion.options.map((variant) => [variant.shape.type.value, variant.shape.value]),
);

export interface ApplyAnswersInput {
  template: FlowDocument;
  answers: Record<string, unknown>;
  connections: { teamleader: string; mplus: string };
  id?: string;
  name?: string;
  enabled: boolean;
}

/** The answer parsed by its question's value schema, or an error naming the flow and the question. */
function parseAnswer(
  flowName: string,
  questionId: string,
  type: WizardQuestionType,
  title: string,
  answer: unknown,
) {
  const schema = valueSchemas.get(type);
  const parsed = schema?.safeParse(answer);
  if (!parsed?.success) {
    const reason = parsed
      ? z.prettifyError(parsed.error).replace(/\s+/g, ' ').trim()
      : 'unknown question type';
    throw new KoppelError(
      'invalid_input',
      `Flow "${flowName}": the answer to "${title}" is not valid: ${reason}`,
      {
        question: questionId,
      },
    );
  }
  return parsed.data;
}

/**
 * A new flow from a template and the wizard's answers: each answer written into every node that
 * holds its field, every system node bound to the chosen connection (explicitly, so a flow tried on
 * the sandbox never switches to a live account by itself), new ids. Unknown answers are refused.
 */
export function applyAnswers(input: ApplyAnswersInput, catalog: NodeCatalog): FlowDocument {
  const { template, answers } = input;
  const flow = structuredClone(template);
  const known = new Set([SCHEDULE_QUESTION_ID, ...QUESTION_BINDINGS.map((b) => b.id)]);
  for (const id of Object.keys(answers)) {
    if (!known.has(id))
      throw new KoppelError('invalid_input', `Flow "${template.name}": there is no question "${id}".`);
  }
  for (const binding of QUESTION_BINDINGS) {
    if (!(binding.id in answers)) continue;
    const nodes = boundNodes(flow, binding, catalog);
    if (nodes.length === 0) {
      throw new KoppelError(
        'invalid_input',
        `Flow "${template.name}" does not ask "${binding.title.en}" (none of its nodes has that setting).`,
      );
    }
    const value = parseAnswer(template.name, binding.id, binding.type, binding.title.en, answers[binding.id]);
    for (const { node, key } of nodes) {
      // An emptied date leaves the field out (the node then reads from the beginning).
      node.config =
        value === null
          ? Object.fromEntries(Object.entries(node.config).filter(([name]) => name !== key))
          : { ...node.config, [key]: structuredClone(value) };
    }
  }
  if (SCHEDULE_QUESTION_ID in answers) {
    flow.schedule = FlowDocument.shape.schedule.parse(
      parseAnswer(
        template.name,
        SCHEDULE_QUESTION_ID,
        'schedule',
        'When to run',
        answers[SCHEDULE_QUESTION_ID],
      ),
    );
  }
  for (const node of flow.nodes) {
    const connection = catalog.get(node.kind, node.version)?.connection;
    if (connection === 'teamleader') node.config.connectionId = input.connections.teamleader;
    if (connection === 'mplus') node.config.connectionId = input.connections.mplus;
  }
  return FlowDocument.parse({
    ...flow,
    id: input.id ?? nanoid(),
    name: input.name ?? template.name,
    enabled: input.enabled,
    revision: 0,
    updatedAt: undefined,
  });
}
