import type { RunEvent } from '../../../../../shared/flow/run-events';
import type { StepErrorInfo } from '../../../../../shared/flow/run-records';

/** Builds a run's events with increasing sequence numbers, for tests. */
export class EventBuilder {
  private seq = 0;
  private clock = Date.parse('2026-12-01T09:00:00.000Z');

  constructor(
    readonly runId = 'run-1',
    readonly flowId = 'flow-1',
  ) {}

  private base() {
    this.clock += 10;
    return { runId: this.runId, seq: ++this.seq, at: new Date(this.clock).toISOString() };
  }

  started(parentRunId: string | null = null): RunEvent {
    return {
      ...this.base(),
      type: 'runStarted',
      flowId: this.flowId,
      flowName: 'Orders to Teamleader',
      flowRevision: 3,
      trigger: parentRunId ? 'retry' : 'manual',
      dryRun: false,
      parentRunId,
    };
  }

  item(itemId: number, orderNumber: string, retryOf: number | null = null): RunEvent {
    return {
      ...this.base(),
      type: 'itemStarted',
      itemId,
      key: `mplus:order:${itemId}`,
      nodeId: 'source',
      businessKeys: { orderNumber, email: `buyer${itemId}@example.be` },
      retryOf,
    };
  }

  succeeded(itemId: number, nodeId = 'target'): RunEvent {
    return {
      ...this.base(),
      type: 'itemSucceeded',
      itemId,
      key: `mplus:order:${itemId}`,
      nodeId,
      action: 'created',
      targetIds: { invoice: `inv-${itemId}` },
    };
  }

  skipped(itemId: number, reason = 'unchanged'): RunEvent {
    return {
      ...this.base(),
      type: 'itemSkipped',
      itemId,
      key: `mplus:order:${itemId}`,
      nodeId: 'target',
      reason,
    };
  }

  failed(itemId: number, error: Partial<StepErrorInfo> = {}, nodeId = 'target'): RunEvent {
    return {
      ...this.base(),
      type: 'itemFailed',
      itemId,
      key: `mplus:order:${itemId}`,
      nodeId,
      attempt: 1,
      error: { code: 'http_422', message: 'Unprocessable: vat_rate missing', transient: false, ...error },
    };
  }

  retrying(itemId: number): RunEvent {
    return {
      ...this.base(),
      type: 'itemRetrying',
      itemId,
      key: `mplus:order:${itemId}`,
      nodeId: 'target',
      attempt: 1,
      delayMs: 1000,
      error: { code: 'http_503', message: 'Service unavailable', transient: true },
    };
  }

  progress(nodeId: string, received: number, passed: number, failed = 0): RunEvent {
    return { ...this.base(), type: 'nodeProgress', nodeId, received, passed, skipped: 0, failed };
  }

  log(level: 'debug' | 'info' | 'warn' | 'error', message: string, until?: string): RunEvent {
    return { ...this.base(), type: 'log', level, message, ...(until ? { until } : {}) };
  }

  /** A node's log line about one record, named by its key. */
  logAbout(
    level: 'debug' | 'info' | 'warn' | 'error',
    message: string,
    nodeId: string,
    key: string,
  ): RunEvent {
    return { ...this.base(), type: 'log', level, message, nodeId, key };
  }

  finished(counts: { total: number; succeeded: number; skipped: number; failed: number }): RunEvent {
    return {
      ...this.base(),
      type: 'runFinished',
      status: counts.failed > 0 ? 'failed' : 'succeeded',
      counts,
      durationMs: 1234,
      error: null,
    };
  }
}
