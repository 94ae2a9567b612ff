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

  /** Listens to every stream; used by transports that forward everything. */
  onAny(streams: readonly EventName[], listener: (stream: EventName, payload: unknown) => void): () => void {
    const offs = streams.map((stream) => this.on(stream, (payload) => listener(stream, payload)));
    return () => offs.forEach((off) => off());
  }
}
