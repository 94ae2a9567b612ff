import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/api/events';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** In-process fan-out of the contract's event streams; each host forwards it to its windows. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open window and WebSocket adds a listener per stream.
    this.emitter.setMaxListeners(0);
  }

  emit<E extends EventName>(stream: E, payload: EventPayload<E>): void {
    this.emitter.emit(stream, payload);
  }

  on<E extends EventName>(stream: E, listener: Listener<E>): () => void {
    this.emitter.on(stream, listener);
    return () => this.emitter.off(stream, listener);
  }

  /**
   * Tells the windows only (the transports' `onAny`), not this process's own listeners: what
   * another process did, which that process logs, notifies and e-mails about itself (the run
   * events of `koppel run` beside the desktop app).
   */
  emitToWindows<E extends EventName>(stream: E, payload: EventPayload<E>): void {
    this.emitter.emit(windowsOnly(stream), payload);
  }

  /** Whether a window (a transport) listens to `stream` now. */
  windowsListen(stream: EventName): boolean {
    return this.emitter.listenerCount(windowsOnly(stream)) > 0;
  }

  /** Listens to every stream, for the windows too; used by transports that forward everything. */
  onAny(streams: readonly EventName[], listener: (stream: EventName, payload: unknown) => void): () => void {
    const offs = streams.flatMap((stream) => {
      const forward = (payload: unknown) => listener(stream, payload);
      this.emitter.on(stream, forward);
      this.emitter.on(windowsOnly(stream), forward);
      return [() => this.emitter.off(stream, forward), () => this.emitter.off(windowsOnly(stream), forward)];
    });
    return () => offs.forEach((off) => off());
  }
}

/** The emitter's name of a stream's events for the windows only (no stream name has a colon). */
function windowsOnly(stream: EventName): string {
  return `windows:${stream}`;
}
