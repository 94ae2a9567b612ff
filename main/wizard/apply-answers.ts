import { z } from 'zod';
import { WizardQuestion, type WizardQuestionType } from '../../shared/api/calls/wizard';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import { FlowDocument } from '../../shared/flow/flow-document';
import { issueWords } from '../../shared/flow/issue-words';
import type { NodeCatalog } from '../../shared/nodes/catalog';
import type { LocalizedText } from '../../shared/nodes/node-definition';
import { newId } from '../engine/ids';
import { boundNodes } from './plan-questions';
import { QUESTION_BINDINGS, SCHEDULE_QUESTION_ID, SCHEDULE_TITLE } from './question-bindings';

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
  title: LocalizedText,
  answer: unknown,
) {
  const schema = valueSchemas.get(type);
  // `reportInput` so a wrong type's words name the type received (see issueWords).
  const parsed = schema?.safeParse(answer, { reportInput: true });
  if (!parsed?.success) {
    const reason = parsed ? answerProblems(parsed.error, 'en') : 'unknown question type';
    const reasonNl = parsed ? answerProblems(parsed.error, 'nl') : 'onbekend soort vraag';
    throw new KoppelError(
      'invalid_input',
      apiMessage('wizardAnswerInvalid', {
        flow: flowName,
        title: title.en,
        titleNl: title.nl,
        reason,
        reasonNl,
      }),
      { question: questionId },
    );
  }
  return parsed.data;
}

/**
 * A failed answer's issues on one line, as zod's summary lays them out ("✖ … → at email"), each in
 * `language` (zod's words for its checks, the schema's own otherwise).
 */
function answerProblems(error: z.ZodError, language: 'en' | 'nl'): string {
  return [...error.issues]
    .sort((a, b) => a.path.length - b.path.length)
    .map((issue) => {
      const words = issueWords(issue);
      const at =
        issue.path.length > 0 ? ` → ${language === 'nl' ? 'bij' : 'at'} ${z.core.toDotPath(issue.path)}` : '';
      return `✖ ${language === 'nl' ? words.issueNl : words.issue}${at}`;
    })
    .join(' ');
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
      throw new KoppelError('invalid_input', apiMessage('wizardNoSuchQuestion', { flow: template.name, id }));
  }
  for (const binding of QUESTION_BINDINGS) {
    if (!(binding.id in answers)) continue;
    const nodes = boundNodes(flow, binding, catalog);
    if (nodes.length === 0) {
      throw new KoppelError(
        'invalid_input',
        apiMessage('wizardQuestionNotAsked', {
          flow: template.name,
          title: binding.title.en,
          titleNl: binding.title.nl,
        }),
      );
    }
    const value = parseAnswer(template.name, binding.id, binding.type, binding.title, answers[binding.id]);
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
        SCHEDULE_TITLE,
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
    id: input.id ?? newId(),
    name: input.name ?? template.name,
    enabled: input.enabled,
    revision: 0,
    updatedAt: undefined,
  });
}
