import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { ParsedInput } from '../../shared/api/contract';
import type { FlowDocument } from '../../shared/flow/flow-document';
import { hasErrors, problemIn } from '../../shared/flow/flow-problem';
import type { DomainHandlers } from '../api/handlers';
import type { AppContext } from '../app/context';
import { applyAnswers } from '../wizard/apply-answers';
import { planFlow } from '../wizard/plan-questions';
import { readChoices } from '../wizard/reference-choices';

/**
 * `wizard.*`: the setup wizard's side in main. It asks both systems for their reference data,
 * derives each template's questions, and turns answers into flows, reusing the connection registry,
 * the template store and the engine's validation.
 */
export function wizardHandlers(ctx: AppContext): DomainHandlers<'wizard'> {
  const { sync, connections } = ctx;
  const catalog = sync.registry.catalog;

  const build = ({ flows, teamleaderId, mplusId }: ParsedInput<'wizard.build'>, enabled: boolean) => {
    // Both connections must exist and be of the right kind before anything is built.
    const teamleader = connections.store.get(teamleaderId);
    const mplus = connections.store.get(mplusId);
    if (teamleader.kind !== 'teamleader' || mplus.kind !== 'mplus') {
      throw new KoppelError(
        'invalid_input',
        apiMessage('wizardConnectionKinds', { teamleader: teamleader.kind, mplus: mplus.kind }),
      );
    }
    return flows.map((answer) => {
      const flow: FlowDocument = applyAnswers(
        {
          template: sync.templates.get(answer.templateId, ctx.settings.get().language),
          answers: answer.answers,
          connections: { teamleader: teamleaderId, mplus: mplusId },
          enabled,
          ...(answer.id ? { id: answer.id } : {}),
          ...(answer.name ? { name: answer.name } : {}),
        },
        catalog,
      );
      return { templateId: answer.templateId, flow, problems: sync.engine.validate(flow) };
    });
  };

  return {
    'wizard.prepare': async ({ templateIds, teamleaderId, mplusId }) => {
      // In the UI's language, as `build` makes the flows: the plan's name is the flow's.
      const language = ctx.settings.get().language;
      const templates = templateIds.map((id) => ({ id, flow: sync.templates.get(id, language) }));
      const choices = await readChoices(connections, { teamleaderId, mplusId });
      return { choices, flows: templates.map(({ id, flow }) => planFlow(id, flow, choices, catalog)) };
    },
    'wizard.build': (input) => ({ flows: build(input, false) }),
    'wizard.create': (input) => {
      const built = build(input, input.enable);
      const broken = built.filter((entry) => hasErrors(entry.problems));
      const [firstBroken] = broken;
      if (firstBroken) {
        const first = firstBroken.problems.find((problem) => problem.severity === 'error');
        throw new KoppelError(
          'invalid_flow',
          apiMessage('wizardFlowNotReady', {
            flow: firstBroken.flow.name,
            problem: first?.message,
            problemNl: first && problemIn(first, 'nl'),
          }),
          { problems: broken.flatMap((entry) => entry.problems) },
        );
      }
      const taken = built.find((entry) => sync.flows.get(entry.flow.id));
      if (taken) throw new KoppelError('conflict', apiMessage('wizardFlowIdTaken', { id: taken.flow.id }));
      return {
        flows: built.map((entry) => {
          const saved = sync.flows.save(entry.flow);
          // A flow that starts enabled counts its schedule from now.
          if (saved.enabled) sync.scheduler.restart(saved.id);
          return { templateId: entry.templateId, flow: saved, problems: entry.problems };
        }),
      };
    },
  };
}
