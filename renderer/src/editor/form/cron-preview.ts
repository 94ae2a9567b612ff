import { Cron } from 'croner';

/** The next times a cron expression fires, or the reason it is not valid (croner's message). */
export function cronPreview(
  expression: string,
  timezone: string,
  count = 3,
): { ok: true; next: Date[] } | { ok: false; message: string } {
  try {
    const cron = new Cron(expression, { timezone, paused: true });
    return { ok: true, next: cron.nextRuns(count) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
