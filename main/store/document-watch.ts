import fs from 'node:fs';

/** How often a watched document's time and size are looked at (another process's saves). */
export const DOCUMENT_POLL_MS = 1000;

/**
 * Calls `changed` after the data folder document `file` is written (by this process or by another
 * on the same folder: the desktop app, the web host, `koppel`); returns the function that stops.
 * A stat poll rather than `fs.watch`: the folder also holds the run database, whose writes would
 * wake a folder watch hundreds of times a second during a run, and a save replaces the file (write
 * and rename), which a watch on the file itself loses. Watching keeps no process alive.
 */
export function watchDocumentFile(file: string, changed: () => void, pollMs = DOCUMENT_POLL_MS): () => void {
  const listener = (current: fs.Stats, previous: fs.Stats) => {
    const same =
      current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino;
    if (!same) changed();
  };
  fs.watchFile(file, { interval: pollMs, persistent: false }, listener);
  return () => fs.unwatchFile(file, listener);
}
