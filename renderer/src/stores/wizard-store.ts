import { create } from 'zustand';
import type { ConnectionTestResult } from '../../../shared/api/calls/connections';
import type { WizardChoices, WizardFlowPlan } from '../../../shared/api/calls/wizard';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import type { FlowProblem } from '../../../shared/flow/flow-problem';
import { api } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';
import { mergeAnswers, type WizardAnswers } from '../wizard/answers';
import {
  availableFamilies,
  defaultSelection,
  selectedTemplateIds,
  type FlowSelection,
} from '../wizard/flow-families';
import { outcomeOf, startDryRun, startRun } from '../wizard/run-flows';
import type { RunOutcome } from '../wizard/run-outcome';
import { connectionFor, type SystemMode, type WizardStep } from '../wizard/wizard-steps';
import { useConnectionStore } from './connection-store';

type System = 'teamleader' | 'mplus';

/**
 * A run the wizard started: waiting for the flow before it, going (with its id once known), done,
 * or refused.
 */
export type RunState =
  | { state: 'queued' }
  | { state: 'running'; runId?: string }
  | { state: 'done'; outcome: RunOutcome }
  | { state: 'error'; failure: Failure };

export interface BuiltFlow {
  templateId: string;
  flow: FlowDocument;
  problems: FlowProblem[];
}

interface WizardState {
  step: WizardStep;
  /** When this setup began (the wizard shows nothing of it; tests and the report time it). */
  startedAt: number;
  modes: Record<System, SystemMode>;
  liveIds: Partial<Record<System, string>>;
  /** The last test of each chosen connection; `thrown` when the call itself failed. */
  tests: Partial<Record<System, ConnectionTestResult | 'running' | { thrown: Failure }>>;
  /** Installed templates (null until read). */
  templateIds: string[] | null;
  selection: FlowSelection;
  choices: WizardChoices | null;
  plans: WizardFlowPlan[] | null;
  planError: Failure | null;
  answers: WizardAnswers;
  built: BuiltFlow[] | null;
  buildError: Failure | null;
  dryRuns: Record<string, RunState>;
  created: BuiltFlow[] | null;
  createError: Failure | null;
  firstRuns: Record<string, RunState>;

  start(sandboxEnabled: boolean): Promise<void>;
  go(step: WizardStep): void;
  setMode(system: System, mode: SystemMode): void;
  setLiveId(system: System, id: string | undefined): void;
  testConnections(): Promise<void>;
  setSelection(selection: FlowSelection): void;
  prepare(): Promise<void>;
  setAnswer(templateId: string, questionId: string, value: unknown): void;
  runDry(): Promise<void>;
  enable(): Promise<void>;
}

function connectionIds(state: Pick<WizardState, 'modes' | 'liveIds'>) {
  return {
    teamleaderId: connectionFor('teamleader', state.modes.teamleader, state.liveIds.teamleader),
    mplusId: connectionFor('mplus', state.modes.mplus, state.liveIds.mplus),
  };
}

/** What a new setup starts from: the first step, nothing chosen, answered or run yet. */
function freshSetup(mode: SystemMode) {
  return {
    step: 'systems' as WizardStep,
    startedAt: Date.now(),
    modes: { teamleader: mode, mplus: mode },
    liveIds: {},
    tests: {},
    selection: {},
    choices: null,
    plans: null,
    planError: null,
    answers: {},
    built: null,
    buildError: null,
    dryRuns: {},
    created: null,
    createError: null,
    firstRuns: {},
  } satisfies Partial<WizardState>;
}

/**
 * Starts a wizard run (dry or first) and follows it to its end, showing each state: going, going
 * with its id (the screen follows its live events), then done or refused.
 */
async function followRun(start: () => Promise<string>, show: (state: RunState) => void): Promise<void> {
  show({ state: 'running' });
  try {
    const runId = await start();
    show({ state: 'running', runId });
    show({ state: 'done', outcome: await outcomeOf(runId) });
  } catch (error) {
    show({ state: 'error', failure: failureOf(error) });
  }
}

/** The setup wizard: what the user chose and answered so far, and the runs it started. */
export const useWizardStore = create<WizardState>()((set, get) => ({
  ...freshSetup('sandbox'),
  templateIds: null,

  async start(sandboxEnabled) {
    // Templates stay as read (they are read again just below).
    set(freshSetup(sandboxEnabled ? 'sandbox' : 'live'));
    const { templates } = await api().templates.list({});
    const templateIds = templates.map((template) => template.id);
    set({ templateIds, selection: defaultSelection(availableFamilies(templateIds)) });
  },

  go(step) {
    set({ step });
  },

  setMode(system, mode) {
    set({ modes: { ...get().modes, [system]: mode }, tests: { ...get().tests, [system]: undefined } });
  },

  setLiveId(system, id) {
    set({ liveIds: { ...get().liveIds, [system]: id }, tests: { ...get().tests, [system]: undefined } });
  },

  async testConnections() {
    const ids = connectionIds(get());
    await Promise.all(
      (['teamleader', 'mplus'] as const).map(async (system) => {
        const id = system === 'teamleader' ? ids.teamleaderId : ids.mplusId;
        if (!id) return;
        set({ tests: { ...get().tests, [system]: 'running' } });
        try {
          const result = await useConnectionStore.getState().test(id);
          set({ tests: { ...get().tests, [system]: result } });
        } catch (error) {
          set({ tests: { ...get().tests, [system]: { thrown: failureOf(error) } } });
        }
      }),
    );
  },

  setSelection(selection) {
    set({ selection, plans: null, built: null, dryRuns: {} });
  },

  async prepare() {
    const { teamleaderId, mplusId } = connectionIds(get());
    const templateIds = selectedTemplateIds(get().selection);
    if (!teamleaderId || !mplusId || templateIds.length === 0) return;
    set({ plans: null, planError: null });
    try {
      const prepared = await api().wizard.prepare({ teamleaderId, mplusId, templateIds });
      set({
        choices: prepared.choices,
        plans: prepared.flows,
        answers: mergeAnswers(get().answers, prepared.flows),
      });
    } catch (error) {
      set({ planError: failureOf(error) });
    }
  },

  setAnswer(templateId, questionId, value) {
    const answers = get().answers;
    set({
      answers: { ...answers, [templateId]: { ...answers[templateId], [questionId]: value } },
      built: null,
      dryRuns: {},
    });
  },

  async runDry() {
    const { teamleaderId, mplusId } = connectionIds(get());
    const plans = get().plans;
    if (!teamleaderId || !mplusId || !plans) return;
    set({ built: null, buildError: null, dryRuns: {} });
    let built: BuiltFlow[];
    try {
      const flows = plans.map((plan) => ({
        templateId: plan.templateId,
        answers: get().answers[plan.templateId],
      }));
      built = (await api().wizard.build({ teamleaderId, mplusId, flows })).flows;
    } catch (error) {
      set({ buildError: failureOf(error) });
      return;
    }
    set({ built });
    await Promise.all(
      built.map(async ({ templateId, flow, problems }) => {
        if (problems.some((problem) => problem.severity === 'error')) return;
        await followRun(
          () => startDryRun(flow),
          (state) => set({ dryRuns: { ...get().dryRuns, [templateId]: state } }),
        );
      }),
    );
  },

  async enable() {
    const { teamleaderId, mplusId } = connectionIds(get());
    const built = get().built;
    if (!teamleaderId || !mplusId || !built) return;
    set({ createError: null });
    try {
      const flows = built.map(({ templateId, flow }) => ({
        templateId,
        id: flow.id,
        answers: get().answers[templateId],
      }));
      const created = (await api().wizard.create({ teamleaderId, mplusId, flows, enable: true })).flows;
      set({
        created,
        firstRuns: Object.fromEntries(created.map((c) => [c.templateId, { state: 'queued' }])),
      });
      await api().settings.update({ onboarded: true });
      // One after the other: flows of one setup share the same connections and rate limits.
      for (const { templateId, flow } of created) {
        await followRun(
          () => startRun(flow.id),
          (state) => set({ firstRuns: { ...get().firstRuns, [templateId]: state } }),
        );
      }
    } catch (error) {
      set({ createError: failureOf(error) });
    }
  },
}));
