import { parseClipboard, type ClipboardPayload } from '../model/clipboard';

/**
 * Koppel's clipboard: kept in memory (the system clipboard needs a permission the page may not
 * have) and also written to the system clipboard as JSON when allowed, so nodes can be pasted into
 * another window or a text file.
 */
let last: ClipboardPayload | null = null;

export function writeClipboard(payload: ClipboardPayload): void {
  last = payload;
  navigator.clipboard?.writeText(JSON.stringify(payload, null, 2)).catch(() => undefined);
}

export async function readClipboard(): Promise<ClipboardPayload | null> {
  try {
    const text = await navigator.clipboard?.readText();
    const fromSystem = text ? parseClipboard(text) : null;
    if (fromSystem) return fromSystem;
  } catch {
    // No permission: the in-memory copy is all there is.
  }
  return last;
}
