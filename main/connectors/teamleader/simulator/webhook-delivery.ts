import type { TwinState } from './state';

export interface TwinEvent {
  type: string;
  subject: { type: string; id: string };
}

/**
 * Posts `{type, subject: {type, id}, account: {type, id}}` to every webhook registered for the event
 * type, as Teamleader does (ids only; receivers fetch the record). Fire and forget: a receiver that
 * is down or slow never affects the API answer.
 */
export class WebhookDelivery {
  delivered = 0;
  failed = 0;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly state: () => TwinState) {}

  deliver(events: readonly TwinEvent[]): void {
    const state = this.state();
    for (const event of events) {
      for (const hook of state.webhooks) {
        if (!hook.types.includes(event.type)) continue;
        const body = JSON.stringify({ ...event, account: { type: 'account', id: state.accountId } });
        const sending = fetch(hook.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          signal: AbortSignal.timeout(5_000),
        })
          .then((response) => {
            if (response.ok) this.delivered++;
            else this.failed++;
          })
          .catch(() => {
            this.failed++;
          })
          .finally(() => this.pending.delete(sending));
        this.pending.add(sending);
      }
    }
  }

  /** Waits for deliveries in flight (used on close). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
