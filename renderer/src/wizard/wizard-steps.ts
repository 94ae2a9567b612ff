/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['systems', 'connect', 'flows', 'settings', 'dryRun', 'enable'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** How the user reaches each system: the built-in twin, or their own account. */
export type SystemMode = 'sandbox' | 'live';

/** Why the Next button is off, as a key under `wizard.blocked`. */
export type BlockedReason =
  'connectBoth' | 'chooseFlow' | 'loading' | 'fixAnswers' | 'dryRunProblems' | 'dryRunRunning';

export interface StepFacts {
  /** Both chosen connections answered their last test. */
  connected: boolean;
  flowsChosen: number;
  /** The plan (questions) for the chosen flows is loaded. */
  planned: boolean;
  answerProblems: number;
  dryRunDone: boolean;
  /** Built flows with validation errors (they cannot be saved). */
  buildErrors: number;
}

/** Whether the user may go on from `step`, and if not, why. */
export function canAdvance(
  step: WizardStep,
  facts: StepFacts,
): { ok: true } | { ok: false; reason: BlockedReason } {
  switch (step) {
    case 'systems':
      return { ok: true };
    case 'connect':
      return facts.connected ? { ok: true } : { ok: false, reason: 'connectBoth' };
    case 'flows':
      return facts.flowsChosen > 0 ? { ok: true } : { ok: false, reason: 'chooseFlow' };
    case 'settings':
      if (!facts.planned) return { ok: false, reason: 'loading' };
      return facts.answerProblems === 0 ? { ok: true } : { ok: false, reason: 'fixAnswers' };
    case 'dryRun':
      if (facts.buildErrors > 0) return { ok: false, reason: 'dryRunProblems' };
      return facts.dryRunDone ? { ok: true } : { ok: false, reason: 'dryRunRunning' };
    case 'enable':
      return { ok: true };
  }
}

export function nextStep(step: WizardStep): WizardStep | undefined {
  return WIZARD_STEPS[WIZARD_STEPS.indexOf(step) + 1];
}

export function previousStep(step: WizardStep): WizardStep | undefined {
  const index = WIZARD_STEPS.indexOf(step);
  return index > 0 ? WIZARD_STEPS[index - 1] : undefined;
}

/** The connection a system uses: the sandbox's fixed one, or the live one the user picked. */
export function connectionFor(
  system: 'teamleader' | 'mplus',
  mode: SystemMode,
  liveId: string | undefined,
): string | undefined {
  return mode === 'sandbox' ? `sandbox-${system}` : liveId;
}
