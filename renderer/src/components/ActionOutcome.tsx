import { useFailureText, type Failure } from '../api/failure-text';
// The ok line is the runs screens' callout (.rn-callout).
import '../runs/runs.css';

/** What a form's last action came to: a sentence of the screen, or a failed call's failure. */
export type Outcome = { tone: 'ok' | 'error'; text: string } | { tone: 'error'; failure: Failure };

/** The line under a form's buttons saying how its last action went, read out by screen readers. */
export function ActionOutcome({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  const failureWords = useFailureText();
  if (!outcome) return null;
  return (
    <p className={outcome.tone === 'error' ? 'form-error' : 'rn-callout'} role="status" data-testid={testId}>
      {'failure' in outcome ? failureWords(outcome.failure) : outcome.text}
    </p>
  );
}
