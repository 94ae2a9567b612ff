import { z } from 'zod';

/**
 * Links into the desktop app: `koppel://runs/<runId>` opens a run, `koppel://runs/<runId>/failed`
 * its failed records. The installers register the scheme (electron-builder.yml `protocols`), so a
 * link in an alert e-mail opens Koppel on the run. Only these screens can be opened this way: a
 * link is text from outside (any web page or mail can hold one), so it is read, never followed.
 */
export const APP_SCHEME = 'koppel';

/** Run ids are letters and digits (main/engine/ids.ts); older data and tests use "-" and "_" too. */
const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A screen a link may open: a run, or its failed records. */
export const AppRoute = z.string().regex(/^\/runs\/[A-Za-z0-9_-]{1,64}(\/failed)?$/);
export type AppRoute = z.infer<typeof AppRoute>;

/** The desktop host was asked to show a screen (a notification clicked, a koppel:// link opened). */
export const ShowRoute = z.object({ route: AppRoute });
export type ShowRoute = z.infer<typeof ShowRoute>;

/**
 * The link that opens a run, or with `failed` its failed records, in the desktop app; null for a
 * text that is no run id (no link is better than one that opens something else).
 */
export function runLink(runId: string, view: 'run' | 'failed' = 'run'): string | null {
  if (!RUN_ID.test(runId)) return null;
  return `${APP_SCHEME}://runs/${runId}${view === 'failed' ? '/failed' : ''}`;
}

/**
 * The screen a `koppel://` link opens (`/runs/<id>` or `/runs/<id>/failed`), or null for anything
 * else. Lenient where systems differ (a trailing slash added by Windows, the scheme's case, a
 * query or fragment), strict about what it opens.
 */
export function routeOfAppLink(link: string): AppRoute | null {
  // Read as text, not by URL: a URL would resolve "runs/a/../../settings" to a screen of its own.
  const match = LINK.exec(link.trim());
  if (!match) return null;
  return `/runs/${match[1]}${match[2] ? '/failed' : ''}`;
}

/** koppel://runs/<id>[/failed][/][?…][#…], the scheme and host in any case. */
const LINK = new RegExp(`^${APP_SCHEME}://runs/([A-Za-z0-9_-]{1,64})(/failed)?/?(?:[?#].*)?$`, 'i');

/**
 * The link among a process's arguments: Windows and Linux start the app (or hand a second start's
 * arguments to the running one) with the link as an argument.
 */
export function appLinkIn(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${APP_SCHEME}://`));
}
