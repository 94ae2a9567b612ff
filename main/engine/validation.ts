import * as acorn from 'acorn';
import { Cron } from 'croner';
import { KoppelError } from '../../shared/api/errors';
import type { FlowDocument } from '../../shared/flow/flow-document';
import { problemIn, type FlowProblem } from '../../shared/flow/flow-problem';
import { messageFields, runMessage } from '../../shared/flow/run-messages';
import type { RunError } from '../../shared/flow/run-records';
import { validateFlow } from '../../shared/flow/validate-flow';
import type { NodeCatalog } from '../../shared/nodes/catalog';
import type { ConnectionProvider } from './connections';
import { scriptSyntaxError, type ScriptForm, type ScriptSyntaxError } from '../../shared/nodes/scripts';

/** Checks a cron expression with croner (the scheduler's own parser); a message when invalid. */
export function checkCron(cron: string, timezone: string): string | undefined {
  try {
    const job = new Cron(cron, { timezone, paused: true });
    const next = job.nextRun();
    job.stop();
    return next ? undefined : 'it never fires';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Checks a node's JavaScript with acorn, wrapped as the sandbox wraps it. */
export function checkScript(form: ScriptForm, source: string): ScriptSyntaxError | undefined {
  return scriptSyntaxError(acorn, form, source);
}

/**
 * {@link validateFlow} with the cron and syntax checks main can do and, given the connections,
 * whether each node's chosen connection exists.
 */
export function validateFlowDocument(
  flow: FlowDocument,
  catalog: NodeCatalog,
  connections?: Pick<ConnectionProvider, 'check'>,
): FlowProblem[] {
  const check = connections?.check?.bind(connections);
  return validateFlow(flow, catalog, {
    checkCron,
    checkScript,
    ...(check ? { checkConnection: check } : {}),
  });
}

/** The flow cannot run; `detail` is the list of problems. */
export class InvalidFlowError extends KoppelError {
  constructor(
    flow: FlowDocument,
    readonly problems: FlowProblem[],
  ) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super(
      'invalid_flow',
      `Flow "${flow.name}" cannot run: ${errors[0]?.message ?? 'it is invalid'}${errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : ''}`,
      problems,
    );
  }
}

/**
 * What a scheduled run that could not start stores as its error: nobody waits on a schedule to
 * read an exception, so the run history, the dashboard and the notices say why the flow did not sync.
 */
export function cannotRunError(problems: readonly FlowProblem[]): RunError {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const first = errors[0];
  return {
    code: 'invalid_flow',
    ...messageFields(
      runMessage('flowCannotRun', {
        problem: first?.message ?? '',
        problemNl: first ? problemIn(first, 'nl') : '',
        more: Math.max(0, errors.length - 1),
      }),
    ),
  };
}
