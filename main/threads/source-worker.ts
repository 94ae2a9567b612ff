import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/**
 * A worker thread that runs `source`, plain JavaScript evaluated from a string, with a port of its
 * own as `workerData.port`. A string rather than a file: it starts the same under tsx, vitest and a
 * bundled Electron main process, none of which would find or compile a separate worker file. Neither
 * the worker nor the port keeps the process alive; the caller refs the port while it owes work.
 */
export function startSourceWorker(
  source: string,
  workerData: Record<string, unknown>,
): { worker: Worker; port: MessagePort } {
  const channel = new MessageChannel();
  const worker = new Worker(source, {
    eval: true,
    workerData: { ...workerData, port: channel.port2 },
    transferList: [channel.port2],
  });
  worker.unref();
  channel.port1.unref();
  return { worker, port: channel.port1 };
}
