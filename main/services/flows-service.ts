import { nanoid } from 'nanoid';
import { jsonSyntaxDetail } from '../../shared/flow/json-syntax';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { FlowSummary } from '../../shared/api/calls/flows';
import { FLOW_SCHEMA_VERSION, FlowDocument } from '../../shared/flow/flow-document';
import { flowFileName, flowFileText } from '../../shared/flow/flow-file';
import type { FlowProblem } from '../../shared/flow/flow-problem';
import type { Language } from '../../shared/settings/settings';
import { FlowMigrationError, migrateFlow } from '../../shared/flow/migrations';
import type { DomainHandlers } from '../api/handlers';
import type { AppContext } from '../app/context';
import { newId } from '../engine/ids';

/** A flow with new ids for itself (nodes keep theirs: they are unique within a flow). */
function copyOf(flow: FlowDocument, name: string): FlowDocument {
  return FlowDocument.parse({
    ...structuredClone(flow),
    id: newId(),
    name,
    enabled: false,
    revision: 0,
    updatedAt: undefined,
  });
}

/** A copy's name in the UI's language, as the flows list shows it beside the original. */
function copyName(name: string, language: Language): string {
  return language === 'nl' ? `${name} (kopie)` : `${name} (copy)`;
}

function blankFlow(name: string): FlowDocument {
  return FlowDocument.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    id: newId(),
    name,
    nodes: [{ id: nanoid(8), kind: 'core.trigger.manual', version: 1, position: { x: 0, y: 0 }, config: {} }],
  });
}

export function flowsHandlers(ctx: AppContext): DomainHandlers<'flows'> {
  const { sync } = ctx;
  const withProblems = (flow: FlowDocument) => ({ flow, problems: sync.engine.validate(flow) });
  const summary = (
    flow: FlowDocument,
    lastRuns: ReturnType<typeof sync.store.runs.latestPerFlow>,
  ): FlowSummary => {
    const problems = sync.engine.validate(flow);
    const next = sync.scheduler.nextRunAt(flow);
    return {
      id: flow.id,
      name: flow.name,
      ...(flow.description === undefined ? {} : { description: flow.description }),
      enabled: flow.enabled,
      schedule: flow.schedule,
      revision: flow.revision,
      updatedAt: flow.updatedAt ?? null,
      nodeCount: flow.nodes.length,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      lastRun: lastRuns.get(flow.id) ?? null,
      nextRunAt: next === null ? null : new Date(next).toISOString(),
      running: sync.store.locks.holder(flow.id)?.alive ?? false,
    };
  };
  const save = (flow: FlowDocument, options?: { force?: boolean }) => {
    const before = sync.flows.get(flow.id);
    const saved = sync.flows.save(flow, options);
    const scheduleChanged = JSON.stringify(before?.schedule) !== JSON.stringify(saved.schedule);
    // A flow that is (re)enabled or gets a new schedule counts from now, not from long ago.
    if (saved.enabled && (!before?.enabled || scheduleChanged)) sync.scheduler.restart(saved.id);
    return withProblems(saved);
  };

  return {
    'flows.list': () => {
      const lastRuns = sync.store.runs.latestPerFlow();
      return { flows: sync.flows.list().map((flow) => summary(flow, lastRuns)) };
    },
    'flows.get': ({ id }) => withProblems(sync.flows.require(id)),
    'flows.create': ({ name, templateId }) => {
      // A flow from a template speaks the UI's language: its name, description and node labels.
      const template = templateId ? sync.templates.get(templateId, ctx.settings.get().language) : undefined;
      const flow = template ? copyOf(template, name ?? template.name) : blankFlow(name ?? 'New flow');
      return save(flow);
    },
    'flows.save': ({ flow }) => save(flow),
    'flows.delete': ({ id }) => {
      const deleted = sync.flows.delete(id);
      // Its records no longer wait for anything: no run of it will offer them again.
      if (deleted) sync.store.waiting.stop({ flowId: id });
      return { deleted };
    },
    'flows.duplicate': ({ id, name }) => {
      const flow = sync.flows.require(id);
      return save(copyOf(flow, name ?? copyName(flow.name, ctx.settings.get().language)));
    },
    // The document as sent, not as stored: an editor's unsaved version, kept when another was saved.
    'flows.saveCopy': ({ flow, name }) =>
      save(copyOf(flow, name ?? copyName(flow.name, ctx.settings.get().language))),
    'flows.validate': ({ flow }) => {
      try {
        const migrated = migrateFlow(flow);
        return { flow: migrated, problems: sync.engine.validate(migrated) };
      } catch (error) {
        if (!(error instanceof FlowMigrationError)) throw error;
        const problems: FlowProblem[] = [
          { severity: 'error', code: 'flow.invalidDocument', message: error.message },
        ];
        return { flow: null, problems };
      }
    },
    'flows.import': ({ json, replace }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (error) {
        throw new KoppelError(
          'invalid_input',
          apiMessage('importNotJson', { detail: jsonSyntaxDetail(error, json) }),
        );
      }
      let flow: FlowDocument;
      try {
        flow = migrateFlow(parsed);
      } catch (error) {
        if (error instanceof FlowMigrationError)
          throw new KoppelError('invalid_flow', error.text, error.issues);
        throw error;
      }
      const existing = sync.flows.get(flow.id);
      // Beside the flow it came from, under a name that tells the two apart.
      if (existing && !replace) return save(copyOf(flow, copyName(flow.name, ctx.settings.get().language)));
      return save({ ...flow, revision: existing?.revision ?? 0 }, { force: true });
    },
    'flows.export': ({ id }) => {
      const flow = sync.flows.require(id);
      return { fileName: flowFileName(flow), json: flowFileText(flow) };
    },
    'flows.setEnabled': ({ id, enabled }) => save({ ...sync.flows.require(id), enabled }),
  };
}
