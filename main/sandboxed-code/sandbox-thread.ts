import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import { startSourceWorker } from '../threads/source-worker';

/** Limits of one sandbox, enforced on the thread. */
export interface ThreadLimits {
  /** Per call. */
  timeLimitMs: number;
  memoryLimitBytes: number;
  maxStackBytes: number;
}

/** What QuickJS's `dump` made of an error thrown in the sandbox (a plain object, or a value). */
export type DumpedError = unknown;

/**
 * QuickJS's messages for an overflow of the memory limit or the stack: after one the runtime's heap
 * may be in a bad state, so the thread rebuilds it before that sandbox's next call.
 */
export const OUT_OF_MEMORY = 'out of memory';
export const STACK_OVERFLOW = 'stack overflow';

/** A call's answer: the JSON text the entry point returned, or the error it threw. */
export type CallAnswer = { text: string; error?: undefined } | { text?: undefined; error: DumpedError };

/** Messages to the thread. */
type Request =
  | { type: 'open'; id: number; script: string; entryPoints: readonly string[]; limits: ThreadLimits }
  /** Calls as [call id, sandbox id, entry point index, argument JSON]. */
  | { type: 'calls'; calls: [number, number, number, string][] }
  | { type: 'close'; id: number };

/** Messages from the thread. */
type Reply =
  | { type: 'opened'; id: number; error: DumpedError | null }
  /** Answers as [call id, text, error]: text null when the call threw. */
  | { type: 'results'; results: [number, string | null, DumpedError | null][] };

/**
 * The thread's whole program: QuickJS runtimes, one per sandbox, each with its own memory limit,
 * stack cap and a time limit per call. A string (see threads/source-worker.ts for why); it loads
 * quickjs-emscripten from the path the main thread resolved.
 * It only runs code and moves text: what an error means is decided on the main thread.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { getQuickJS } = require(workerData.quickjs);
const { port, overflows } = workerData;
const sandboxes = new Map();
let quickjs;

function build(sandbox) {
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(sandbox.limits.memoryLimitBytes);
  runtime.setMaxStackSize(sandbox.limits.maxStackBytes);
  const context = runtime.newContext();
  // Installed once: setting a handler per call costs more than the call itself.
  runtime.setInterruptHandler(() => Date.now() > sandbox.deadline);
  sandbox.deadline = Date.now() + sandbox.limits.timeLimitMs;
  const result = context.evalCode(sandbox.script, 'code.js');
  if (result.error) {
    const dumped = context.dump(result.error);
    result.error.dispose();
    context.dispose();
    runtime.dispose();
    return dumped;
  }
  result.value.dispose();
  sandbox.runtime = runtime;
  sandbox.context = context;
  sandbox.functions = sandbox.entryPoints.map((name) => context.getProp(context.global, name));
  return null;
}

function teardown(sandbox) {
  for (const handle of sandbox.functions) handle.dispose();
  sandbox.functions = [];
  if (sandbox.context) sandbox.context.dispose();
  if (sandbox.runtime) sandbox.runtime.dispose();
  sandbox.context = undefined;
  sandbox.runtime = undefined;
}

function call(sandboxId, entry, json) {
  const sandbox = sandboxes.get(sandboxId);
  if (!sandbox) return [null, { name: 'Error', message: 'The sandbox is closed.' }];
  if (!sandbox.context) {
    const failed = build(sandbox);
    if (failed) return [null, failed];
  }
  const context = sandbox.context;
  const fn = sandbox.functions[entry];
  sandbox.deadline = Date.now() + sandbox.limits.timeLimitMs;
  const argument = context.newString(json);
  let answer;
  try {
    const result = context.callFunction(fn, context.undefined, argument);
    if (result.error) {
      answer = [null, context.dump(result.error)];
      result.error.dispose();
    } else {
      answer = [context.getString(result.value), null];
      result.value.dispose();
    }
  } finally {
    argument.dispose();
  }
  // Rebuilt before the next call, even one in this same message.
  const error = answer[1];
  if (error && overflows.includes(error.message)) teardown(sandbox);
  return answer;
}

function handle(message) {
  switch (message.type) {
    case 'open': {
      const sandbox = { script: message.script, entryPoints: message.entryPoints, limits: message.limits, functions: [], deadline: 0 };
      const error = build(sandbox);
      if (!error) sandboxes.set(message.id, sandbox);
      port.postMessage({ type: 'opened', id: message.id, error });
      break;
    }
    case 'calls': {
      const results = [];
      for (const [callId, sandboxId, entry, json] of message.calls) {
        let answer;
        try {
          answer = call(sandboxId, entry, json);
        } catch (caught) {
          answer = [null, { name: 'Error', message: caught instanceof Error ? caught.message : String(caught) }];
        }
        results.push([callId, answer[0], answer[1]]);
      }
      port.postMessage({ type: 'results', results });
      break;
    }
    case 'close': {
      const sandbox = sandboxes.get(message.id);
      if (sandbox) teardown(sandbox);
      sandboxes.delete(message.id);
      break;
    }
  }
}

// Messages wait in the port until QuickJS is loaded and the handler listens.
getQuickJS().then((loaded) => {
  quickjs = loaded;
  port.on('message', handle);
});
`;

interface Pending {
  resolve: (answer: CallAnswer) => void;
  reject: (error: Error) => void;
}

/**
 * User code runs on this thread, beside the engine: QuickJS (its JSON in and out, and the user's
 * code) was about a third of the engine thread's time per record in a source → map → code →
 * target flow (measured with bench/engine.ts). Calls made while the thread is busy go to it
 * together, in one message, when it answers: fewer messages the busier it is.
 */
export class SandboxThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private nextId = 1;
  private readonly opening = new Map<
    number,
    { resolve: (error: DumpedError | null) => void; reject: (error: Error) => void }
  >();
  private readonly pending = new Map<number, Pending>();
  private queue: [number, number, number, string][] = [];
  private inFlight = false;
  private flushQueued = false;
  private referenced = false;
  private failure: Error | undefined;
  private readonly flushSoon = () => {
    this.flushQueued = false;
    this.flush();
  };

  constructor() {
    // The thread keeps the process alive only while it owes an answer (see `hold`).
    ({ worker: this.worker, port: this.port } = startSourceWorker(WORKER_SOURCE, {
      quickjs: createRequire(__filename).resolve('quickjs-emscripten'),
      overflows: [OUT_OF_MEMORY, STACK_OVERFLOW],
    }));
    this.port.on('message', (reply: Reply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`The code sandbox's thread stopped (exit code ${code}).`)),
    );
  }

  /** Whether the thread stopped; a stopped thread answers every call with its error. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Compiles a script into a new sandbox; resolves with its id, or with the compile error. */
  open(
    script: string,
    entryPoints: readonly string[],
    limits: ThreadLimits,
  ): Promise<{ id: number; error: DumpedError | null }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.opening.set(id, { resolve: (error) => resolve({ id, error }), reject });
      this.hold();
      this.send({ type: 'open', id, script, entryPoints, limits });
    });
  }

  /** Calls entry point `entry` of sandbox `id` with a JSON argument. */
  call(id: number, entry: number, json: string): Promise<CallAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    const callId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(callId, { resolve, reject });
      this.queue.push([callId, id, entry, json]);
      this.hold();
      if (!this.inFlight && !this.flushQueued) {
        // After the caller's synchronous code: calls made in the same turn go together.
        this.flushQueued = true;
        queueMicrotask(this.flushSoon);
      }
    });
  }

  close(id: number): void {
    if (!this.failure) this.send({ type: 'close', id });
  }

  /**
   * Ends the thread: calls still owed are rejected, and sandboxes compile again on a new thread
   * at their next call.
   */
  async stop(): Promise<void> {
    this.fail(new Error("The code sandbox's thread was stopped."));
    await this.worker.terminate();
  }

  private send(request: Request): void {
    this.port.postMessage(request);
  }

  private flush(): void {
    if (this.inFlight || this.queue.length === 0 || this.failure) return;
    const calls = this.queue;
    this.queue = [];
    this.inFlight = true;
    this.send({ type: 'calls', calls });
  }

  private receive(reply: Reply): void {
    if (reply.type === 'opened') {
      const opening = this.opening.get(reply.id);
      this.opening.delete(reply.id);
      opening?.resolve(reply.error);
    } else {
      this.inFlight = false;
      // What queued while the thread worked goes now, before these answers' records move on.
      this.flush();
      for (const [callId, text, error] of reply.results) {
        const pending = this.pending.get(callId);
        this.pending.delete(callId);
        pending?.resolve(text === null ? { error } : { text });
      }
    }
    this.release();
  }

  /** Keeps the process alive while an answer is owed: an awaited call is no handle of its own. */
  private hold(): void {
    if (this.referenced) return;
    this.referenced = true;
    this.port.ref();
  }

  private release(): void {
    if (!this.referenced || this.pending.size > 0 || this.opening.size > 0) return;
    this.referenced = false;
    this.port.unref();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    for (const opening of this.opening.values()) opening.reject(error);
    this.pending.clear();
    this.opening.clear();
    this.queue = [];
    this.release();
  }
}

let shared: SandboxThread | undefined;

/** The process's sandbox thread, started on first use (and again if it stopped). */
export function sandboxThread(): SandboxThread {
  if (!shared || shared.failed) shared = new SandboxThread();
  return shared;
}
