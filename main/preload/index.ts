import { contextBridge, ipcRenderer } from 'electron';
import { callChannel, eventChannel, type KoppelBridge } from '../../shared/api/bridge';
import { callNames, splitCallName } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { isEventName, type EventName } from '../../shared/api/events';

// No logic here beyond plumbing: one method per call of the contract, and event subscription.
const bridge: Record<string, Record<string, (input: unknown) => Promise<ApiResult>>> = {};
for (const name of callNames) {
  const [domain, verb] = splitCallName(name);
  (bridge[domain] ??= {})[verb] = (input: unknown) => ipcRenderer.invoke(callChannel(name), input);
}

const events: KoppelBridge['events'] = {
  subscribe(stream: EventName, listener: (payload: unknown) => void) {
    if (!isEventName(stream)) throw new Error(`Unknown event stream ${String(stream)}`);
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(stream), handler);
    return () => {
      ipcRenderer.removeListener(eventChannel(stream), handler);
    };
  },
};

contextBridge.exposeInMainWorld('koppel', { ...bridge, events });
