import type { WebSocket } from 'ws';
import { z } from 'zod';
import { eventNames } from '../../../shared/api/events';
import type { App } from '../../app/create-app';

/** Messages of the web host's WebSocket protocol (renderer → main). */
const ClientMessage = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string(),
  input: z.unknown(),
});

/**
 * The WebSocket adapter over the same dispatcher the Electron IPC uses:
 * `{t:'call', id, name, input}` → `{t:'result', id, result}`; events arrive as `{t:'event', stream, payload}`.
 */
export function attachApiSocket(socket: WebSocket, app: App): void {
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = app.ctx.bus.onAny(eventNames, (stream, payload) =>
    send({ t: 'event', stream, payload }),
  );
  socket.on('close', unsubscribe);
  socket.on('message', async (data) => {
    let parsed: z.infer<typeof ClientMessage>;
    try {
      parsed = ClientMessage.parse(JSON.parse(String(data)));
    } catch {
      send({
        t: 'error',
        error: { code: 'invalid_input', message: 'Malformed message: expected {t:"call", id, name, input}.' },
      });
      return;
    }
    send({ t: 'result', id: parsed.id, result: await app.dispatch(parsed.name, parsed.input) });
  });
}
