import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { callChannel, eventChannel } from '../../../shared/api/bridge';
import { callNames } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import { eventNames } from '../../../shared/api/events';
import type { App } from '../../app/create-app';

/**
 * Electron IPC adapter: one `ipcMain.handle` per call of the contract. A call is served only when it
 * comes from our own page in the top frame; the dispatcher parses input and output.
 */
export function registerIpc(app: App, isOwnPage: (url: string) => boolean): () => void {
  for (const name of callNames) {
    ipcMain.handle(
      callChannel(name),
      async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult> => {
        const frame = event.senderFrame;
        if (!frame || frame.parent !== null || !isOwnPage(frame.url)) {
          return {
            ok: false,
            error: { code: 'forbidden', message: 'Calls are only accepted from the Koppel window.' },
          };
        }
        return app.dispatch(name, input);
      },
    );
  }
  return () => callNames.forEach((name) => ipcMain.removeHandler(callChannel(name)));
}

/** Forwards the event streams to a window until it closes. */
export function forwardEvents(app: App, contents: WebContents): void {
  const off = app.ctx.bus.onAny(eventNames, (stream, payload) => {
    if (!contents.isDestroyed()) contents.send(eventChannel(stream), payload);
  });
  contents.once('destroyed', off);
}
