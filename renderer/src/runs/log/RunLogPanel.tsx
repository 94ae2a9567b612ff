import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useRunLiveStore } from '../../stores/run-live-store';
import { useRunLogStore } from '../../stores/run-log-store';
import { defaultLogFilter, LogView, type LogFilter } from '../model/log-view';
import { nodeNamesOf } from '../model/node-names';
import { useLocale } from '../shared/useLocale';
import { LogRow } from './LogRow';
import { LogToolbar } from './LogToolbar';

export const LOG_ROW_HEIGHT = 28;

export interface RunLogPanelProps {
  /** The run to show… */
  runId?: string | null;
  /** …or the newest run of this flow, switching to each new run as it starts (the editor's panel). */
  flowId?: string | null;
  /** Opens a record; by default the record page. */
  onOpenRecord?: (runId: string, itemId: number) => void;
  testId?: string;
}

/**
 * The live log of a run: events as they are committed, pushed in batches, virtualised so 100k
 * rows scroll smoothly; filters by level, node and status; search; follow mode.
 */
export function RunLogPanel({
  runId: givenRunId,
  flowId,
  onOpenRecord,
  testId = 'run-log',
}: RunLogPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const latestOfFlow = useRunLiveStore((state) => (flowId ? state.latestByFlow[flowId] : undefined));
  const runId = givenRunId ?? latestOfFlow ?? null;
  const entry = useRunLogStore((state) => (runId ? state.logs[runId] : undefined));
  const flow = useRunLiveStore((state) => (runId ? state.flows[runId] : undefined));
  const [filter, setFilter] = useState<LogFilter>(defaultLogFilter);
  const deferredFilter = useDeferredValue(filter);
  const [follow, setFollow] = useState(true);
  const scrollRef = useRef<HTMLDivElement>(null);
  const intentAt = useRef(0);

  useEffect(() => {
    if (flowId && !givenRunId)
      void useRunLiveStore
        .getState()
        .loadLatestOfFlow(flowId)
        .catch(() => undefined);
  }, [flowId, givenRunId]);
  useEffect(() => (runId ? useRunLogStore.getState().watch(runId) : undefined), [runId]);
  useEffect(() => {
    if (runId && flow === undefined) void useRunLiveStore.getState().load(runId);
  }, [runId, flow]);

  const names = useMemo(() => nodeNamesOf(flow, locale), [flow, locale]);
  const buffer = entry?.buffer;
  const view = useMemo(() => (buffer ? new LogView(buffer, deferredFilter) : null), [buffer, deferredFilter]);
  // Take in rows added since the last render (cheap: only the new events are looked at).
  view?.sync();
  const size = view?.size ?? 0;
  const version = entry?.version ?? 0;

  const virtualizer = useVirtualizer({
    count: size,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    overscan: 16,
  });

  useLayoutEffect(() => {
    if (follow && size > 0) virtualizer.scrollToIndex(size - 1, { align: 'end' });
  }, [follow, size, version, virtualizer]);

  const openRecord = useCallback(
    (run: string, itemId: number) =>
      onOpenRecord ? onOpenRecord(run, itemId) : navigate(`/runs/${run}/records/${itemId}`),
    [navigate, onOpenRecord],
  );

  const onScroll = () => {
    const element = scrollRef.current;
    // Only a user's own scrolling changes follow mode, not the panel scrolling itself.
    if (!element || Date.now() - intentAt.current > 1000) return;
    const atBottom = element.scrollTop + element.clientHeight >= element.scrollHeight - LOG_ROW_HEIGHT;
    if (atBottom !== follow) setFollow(atBottom);
  };
  const markIntent = () => {
    intentAt.current = Date.now();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    markIntent();
    if (event.key === 'End') setFollow(true);
  };

  let message: string | null = null;
  if (!runId) message = flowId ? t('runs.log.noRunOfFlow') : t('runs.log.noRun');
  else if (!entry || (entry.loading && size === 0)) message = t('runs.log.loading');
  else if (entry.error && size === 0) message = entry.error;
  else if (size === 0) message = buffer?.events.length ? t('runs.log.noMatch') : t('runs.log.waiting');

  return (
    <section
      className="rn-log"
      data-testid={testId}
      data-run-id={runId ?? undefined}
      aria-label={t('runs.log.title')}
    >
      <LogToolbar
        filter={filter}
        onFilter={setFilter}
        nodeIds={buffer?.nodes ?? []}
        names={names}
        follow={follow}
        onFollow={setFollow}
        shown={size}
        total={buffer?.events.length ?? 0}
        loading={entry?.loading ?? false}
      />
      <div
        ref={scrollRef}
        className="rn-log-scroll"
        tabIndex={0}
        role="list"
        aria-label={t('runs.log.rows')}
        aria-busy={entry?.loading ?? false}
        onScroll={onScroll}
        onWheel={markIntent}
        onPointerDown={markIntent}
        onKeyDown={onKeyDown}
        data-testid={`${testId}-scroll`}
      >
        {message ? (
          <p className="rn-log-message" data-testid={`${testId}-message`}>
            {message}
          </p>
        ) : (
          <div className="rn-log-inner" style={{ height: virtualizer.getTotalSize() }}>
            {view &&
              virtualizer.getVirtualItems().map((row) => {
                const event = view.at(row.index);
                return event ? (
                  <LogRow
                    key={`${event.runId}:${event.seq}`}
                    event={event}
                    itemLabel={'itemId' in event ? buffer?.labelOfItem(event.itemId) : undefined}
                    names={names}
                    locale={locale}
                    top={row.start}
                    height={row.size}
                    onOpenRecord={openRecord}
                  />
                ) : null;
              })}
          </div>
        )}
      </div>
    </section>
  );
}
