import {
  WizardQuestion,
  type WizardChoices,
  type WizardFlowPlan,
  type WizardOption,
  type WizardSystem,
  wordOptions,
} from '../../shared/api/calls/wizard';
import type { FlowDocument, FlowNode } from '../../shared/flow/flow-document';
import type { NodeCatalog } from '../../shared/nodes/catalog';
import type { AnyNodeDefinition } from '../../shared/nodes/node-definition';
import { uiHintOf } from '../../shared/nodes/ui-hints';
import { CanonicalStatus, SOURCE_STATUSES } from '../../shared/domain/order-status';
import {
  matchesKind,
  QUESTION_BINDINGS,
  SCHEDULE_QUESTION_ID,
  SCHEDULE_TITLE,
  type QuestionBinding,
} from './question-bindings';

/** A node of the flow holding one of a binding's fields, with its definition. */
interface BoundNode {
  node: FlowNode;
  definition: AnyNodeDefinition;
  key: string;
}

/**
 * The nodes of `flow` that hold the binding's answer (known kinds whose config has the key), in
 * the order of the binding's fields: the first is the one the question's value and options come from.
 */
export function boundNodes(flow: FlowDocument, binding: QuestionBinding, catalog: NodeCatalog): BoundNode[] {
  const found: (BoundNode & { rank: number })[] = [];
  for (const node of flow.nodes) {
    const definition = catalog.get(node.kind, node.version);
    if (!definition) continue;
    const rank = binding.fields.findIndex(
      (f) => matchesKind(f, node.kind) && f.key in definition.config.shape,
    );
    const field = binding.fields[rank];
    if (field) found.push({ node, definition, key: field.key, rank });
  }
  return found.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...bound }) => bound);
}

/** The system a flow reads from and the one it writes to (by its source and target nodes). */
export function flowSystems(
  flow: FlowDocument,
  catalog: NodeCatalog,
): { source: WizardSystem; target: WizardSystem } | undefined {
  const systemOf = (category: 'source' | 'target') => {
    for (const node of flow.nodes) {
      const definition = catalog.get(node.kind, node.version);
      if (definition?.category === category && definition.system !== 'core') return definition.system;
    }
    return undefined;
  };
  const source = systemOf('source');
  const target = systemOf('target');
  return source && target ? { source, target } : undefined;
}

/** The node's value for the field, with the field's defaults applied (undefined when it does not parse). */
function currentValue({ node, definition, key }: BoundNode): unknown {
  const schema = definition.config.shape[key];
  const parsed = schema?.safeParse(node.config[key]);
  return parsed?.success ? parsed.data : undefined;
}

interface PlanContext {
  choices: WizardChoices;
  systems: { source: WizardSystem; target: WizardSystem };
  bound: BoundNode[];
  flow: FlowDocument;
  catalog: NodeCatalog;
}

function paymentMethodOptions(choices: WizardChoices, system: WizardSystem): WizardOption[] {
  const side = choices[system];
  return side.ok ? side.data.paymentMethods : [];
}

function deliveryOptions(choices: WizardChoices, system: WizardSystem): WizardOption[] {
  // Teamleader has no delivery methods: that side is typed (or becomes a shipping line).
  return system === 'mplus' && choices.mplus.ok ? choices.mplus.data.deliveryMethods : [];
}

function selectOptions(binding: QuestionBinding, ctx: PlanContext): WizardOption[] {
  const { choices } = ctx;
  switch (binding.choices) {
    case 'catalogue': {
      const first = ctx.bound[0];
      const schema = first?.definition.config.shape[first.key];
      return schema ? (uiHintOf(schema)?.options ?? []) : [];
    }
    case 'teamleader.departments':
      return choices.teamleader.ok ? choices.teamleader.data.departments : [];
    case 'mplus.employees':
      return choices.mplus.ok ? choices.mplus.data.employees : [];
    case 'mplus.branches':
      return choices.mplus.ok ? choices.mplus.data.branches : [];
    default:
      return [];
  }
}

/** Fits a select's template value to the account: an unknown or empty department becomes the first one. */
function fittedSelectValue(binding: QuestionBinding, value: unknown, options: WizardOption[]) {
  const fallback = binding.numeric ? 0 : '';
  const given = typeof value === 'string' || typeof value === 'number' ? value : fallback;
  if (binding.choices !== 'teamleader.departments' || options.length === 0) return given;
  const known = options.some((o) => String(o.value).toLowerCase() === String(given).trim().toLowerCase());
  return known ? given : (options[0]?.value ?? given);
}

/** The question as data, with `value` from the template, or `fallback` when that is missing. */
function candidate(
  binding: QuestionBinding,
  ctx: PlanContext,
  first: BoundNode,
  value: unknown,
): Record<string, unknown> & { fallback: unknown } {
  const base = {
    id: binding.id,
    title: binding.title,
    ...(binding.description ? { description: binding.description } : {}),
  };
  const { choices, systems } = ctx;
  switch (binding.type) {
    case 'select': {
      const options = selectOptions(binding, ctx);
      return {
        ...base,
        type: 'select',
        value: fittedSelectValue(binding, value, options),
        fallback: binding.numeric ? 0 : '',
        options,
        numeric: binding.numeric ?? false,
      };
    }
    case 'paymentTerm':
      return { ...base, type: 'paymentTerm', value, fallback: { type: 'cash' } };
    case 'debtor':
      return {
        ...base,
        type: 'debtor',
        value,
        fallback: { enabled: false, name: 'Kassaklant', email: 'kassa@koppel.invalid' },
      };
    case 'taxRules': {
      const options: Record<string, WizardOption[]> =
        systems.target === 'teamleader'
          ? choices.teamleader.ok
            ? choices.teamleader.data.taxRates
            : {}
          : { '*': choices.mplus.ok ? choices.mplus.data.vatCodes : [] };
      const department = QUESTION_BINDINGS.find((b) => b.id === 'department');
      const hasDepartment =
        systems.target === 'teamleader' &&
        department !== undefined &&
        boundNodes(ctx.flow, department, ctx.catalog).length > 0;
      return {
        ...base,
        type: 'taxRules',
        value,
        fallback: [],
        target: systems.target,
        options,
        ...(hasDepartment ? { departmentQuestion: 'department' } : {}),
      };
    }
    case 'revenueRules': {
      const options =
        systems.target === 'teamleader'
          ? choices.teamleader.ok
            ? choices.teamleader.data.categories
            : []
          : choices.mplus.ok
            ? choices.mplus.data.turnoverGroups
            : [];
      return { ...base, type: 'revenueRules', value, fallback: [], options };
    }
    case 'vatCodes':
      return {
        ...base,
        type: 'vatCodes',
        value,
        fallback: [],
        options: choices.mplus.ok ? choices.mplus.data.vatCodes : [],
      };
    case 'valueMap': {
      const [fromOptions, toOptions] =
        binding.choices === 'paymentMethods'
          ? [paymentMethodOptions(choices, systems.source), paymentMethodOptions(choices, systems.target)]
          : binding.choices === 'shippingMethods'
            ? [deliveryOptions(choices, systems.source), deliveryOptions(choices, systems.target)]
            : binding.choices === 'statuses'
              ? [wordOptions(SOURCE_STATUSES[systems.source]), wordOptions(CanonicalStatus.options)]
              : [[], []];
      return { ...base, type: 'valueMap', value, fallback: [], fromOptions, toOptions };
    }
    case 'date':
    case 'schedule':
      return { ...base, type: binding.type, value: value ?? null, fallback: null };
  }
}

/** The question with the template's value, or the fallback when the template's does not fit. */
function question(binding: QuestionBinding, ctx: PlanContext): WizardQuestion | undefined {
  const first = ctx.bound[0];
  if (!first) return undefined;
  const { fallback, ...asked } = candidate(binding, ctx, first, currentValue(first));
  const parsed = WizardQuestion.safeParse(asked);
  return parsed.success ? parsed.data : WizardQuestion.parse({ ...asked, value: fallback });
}

/** The questions of one template, prefilled from it and fitted to the accounts' choices. */
export function planFlow(
  templateId: string,
  flow: FlowDocument,
  choices: WizardChoices,
  catalog: NodeCatalog,
): WizardFlowPlan {
  const systems = flowSystems(flow, catalog) ?? { source: 'mplus', target: 'teamleader' };
  const questions: WizardQuestion[] = [];
  for (const binding of QUESTION_BINDINGS) {
    const bound = boundNodes(flow, binding, catalog);
    const asked = question(binding, { choices, systems, bound, flow, catalog });
    if (asked) questions.push(asked);
  }
  questions.push({
    id: SCHEDULE_QUESTION_ID,
    type: 'schedule',
    title: SCHEDULE_TITLE,
    description: {
      en: 'Once enabled, the flow runs by itself on this schedule; you can always start it by hand.',
      nl: 'Eenmaal aangezet draait de flow vanzelf op dit schema; u kunt hem altijd ook met de hand starten.',
    },
    value: flow.schedule,
  });
  return {
    templateId,
    name: flow.name,
    description: flow.description ?? null,
    source: systems.source,
    target: systems.target,
    questions,
  };
}
