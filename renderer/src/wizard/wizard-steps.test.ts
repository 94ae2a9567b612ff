import { describe, expect, it } from 'vitest';
import { canAdvance, connectionFor, nextStep, previousStep, type StepFacts } from './wizard-steps';
import { isPreset, presetOf, scheduleOf } from './schedule-presets';
import { localize } from './localize';

const ready: StepFacts = {
  connected: true,
  flowsChosen: 1,
  planned: true,
  answerProblems: 0,
  dryRunDone: true,
  buildErrors: 0,
};

describe('wizard steps', () => {
  it('go in order, with nothing before the first or after the last', () => {
    expect(nextStep('systems')).toBe('connect');
    expect(nextStep('dryRun')).toBe('enable');
    expect(nextStep('enable')).toBeUndefined();
    expect(previousStep('systems')).toBeUndefined();
    expect(previousStep('settings')).toBe('flows');
  });

  it('say why Next is off', () => {
    expect(canAdvance('connect', { ...ready, connected: false })).toEqual({
      ok: false,
      reason: 'connectBoth',
    });
    expect(canAdvance('flows', { ...ready, flowsChosen: 0 })).toEqual({ ok: false, reason: 'chooseFlow' });
    expect(canAdvance('settings', { ...ready, planned: false })).toEqual({ ok: false, reason: 'loading' });
    expect(canAdvance('settings', { ...ready, answerProblems: 2 })).toEqual({
      ok: false,
      reason: 'fixAnswers',
    });
    expect(canAdvance('dryRun', { ...ready, buildErrors: 1 })).toEqual({
      ok: false,
      reason: 'dryRunProblems',
    });
    expect(canAdvance('dryRun', { ...ready, dryRunDone: false })).toEqual({
      ok: false,
      reason: 'dryRunRunning',
    });
    for (const step of ['systems', 'connect', 'flows', 'settings', 'dryRun'] as const)
      expect(canAdvance(step, ready)).toEqual({ ok: true });
  });

  it('use the sandbox connection or the chosen live one', () => {
    expect(connectionFor('teamleader', 'sandbox', 'teamleader-2')).toBe('sandbox-teamleader');
    expect(connectionFor('mplus', 'live', 'mplus')).toBe('mplus');
    expect(connectionFor('mplus', 'live', undefined)).toBeUndefined();
  });
});

describe('schedule presets', () => {
  it('recognise the offered schedules and keep any other one as the template’s', () => {
    const template = { kind: 'interval' as const, everyMinutes: 5, timezone: 'Europe/Amsterdam' };
    expect(presetOf(scheduleOf('every15', template))).toBe('every15');
    expect(presetOf(scheduleOf('daily', template))).toBe('daily');
    expect(presetOf({ kind: 'manual' })).toBe('manual');
    expect(presetOf(template)).toBe('template');
    expect(scheduleOf('template', template)).toBe(template);
    expect(isPreset('hourly')).toBe(true);
    expect(isPreset('weekly')).toBe(false);
  });
});

describe('texts from main', () => {
  it('pick the language of localized texts and keep a system’s own words', () => {
    expect(localize({ en: 'Invoice', nl: 'Factuur' }, 'nl')).toBe('Factuur');
    expect(localize('Bancontact', 'nl')).toBe('Bancontact');
  });
});
