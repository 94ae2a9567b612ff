import WebSocket from 'ws';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { WebHost } from '../fixtures/web-host';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The app's API from a test, over the same WebSocket the page uses: for setting the scene
 * (a flow, a run) quickly, while the page under test is what a user sees.
 */
export class TestApi {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        t: string;
        id?: number;
        result?: { ok: boolean; output?: unknown; error?: { code: string; message: string } };
      };
      if (message.t !== 'result' || message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiter || !message.result) return;
      if (message.result.ok) waiter.resolve(message.result.output);
      else waiter.reject(new Error(`${message.result.error?.code}: ${message.result.error?.message}`));
    });
  }

  static async connect(host: WebHost): Promise<TestApi> {
    const token = new URL(host.url).searchParams.get('token') ?? '';
    const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/api?token=${token}`, {
      headers: { Origin: host.origin },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new TestApi(socket);
  }

  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const id = this.nextId++;
    return new Promise<CallOutput<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as CallOutput<K>), reject });
      this.socket.send(JSON.stringify({ t: 'call', id, name, input }));
    });
  }

  close(): void {
    this.socket.close();
  }
}
