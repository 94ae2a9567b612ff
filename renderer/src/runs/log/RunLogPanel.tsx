import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useFailureText } from '../../api/failure-text';
import { useRunLiveStore } from '../../stores/run-live-store';
import { useRunLogStore } from '../../stores/run-log-store';
import { defaultLogFilter, LogView, type LogFilter } from '../model/log-view';
import { nodeNamesOf } from '../../../../shared/flow/node-names';
import { useLanguage } from '../../i18n/useLanguage';
import { LogRow } from './LogRow';
import { LogToolbar } from './LogToolbar';
import { useLogVersion } from './useLogVersion';
import '../runs.css';

export const LOG_ROW_HEIGHT = 28;
const noNodes: readonly string[] = [];
/** More than the rows a window can show at once, so slots never collide. */
const ROW_SLOTS = 512;

export interface RunLogPanelProps {
  /** The run to show… */
  runId?: string | null;
  /** …or the newest run of this flow, switching to each new run as it starts (the editor's panel). */
  flowId?: string | null;
  /** Opens a record; by default the record page. */
  onOpenRecord?: (runId: string, itemId: number) => void;
  /** A small panel (the editor's bottom panel): filter labels only for screen readers. */
  compact?: boolean;
  /** The level filter to open on (the run page's "Show all warnings": warnings and errors). */
  initialLevel?: LogFilter['level'];
  testId?: string;
}

/**
 * The live log of a run: events as they are committed, pushed in batches, virtualised so 100k
 * rows scroll smoothly; filters by level, node and status; search; follow mode.
 */
export const RunLogPanel = memo(function RunLogPanel({
  runId: givenRunId,
  flowId,
  onOpenRecord,
  compact = false,
  initialLevel,
  testId = 'run-log',
}: RunLogPanelProps) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const [, navigate] = useLocation();
  const latestOfFlow = useRunLiveStore((state) => (flowId ? state.latestByFlow[flowId] : undefined));
  const runId = givenRunId ?? latestOfFlow ?? null;
  // The buffer and its state, but not each new version: `useLogVersion` takes those in, throttled.
  const buffer = useRunLogStore((state) => (runId ? state.logs[runId]?.buffer : undefined));
  const loading = useRunLogStore((state) => (runId ? (state.logs[runId]?.loading ?? true) : false));
  const loadError = useRunLogStore((state) => (runId ? (state.logs[runId]?.error ?? null) : null));
  const version = useLogVersion(runId);
  const flow = useRunLiveStore((state) => (runId ? state.flows[runId] : undefined));
  const [filter, setFilter] = useState<LogFilter>(() =>
    initialLevel ? { ...defaultLogFilter, level: initialLevel } : defaultLogFilter,
  );
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
  // The same array until a node is added: the toolbar skips re-rendering while scrolling.
  const nodeIds = buffer?.nodes ?? noNodes;
  const view = useMemo(() => (buffer ? new LogView(buffer, deferredFilter) : null), [buffer, deferredFilter]);
  // Take in rows added since the last render (cheap: only the new events are looked at).
  view?.sync();
  const size = view?.size ?? 0;

  const virtualizer = useVirtualizer({
    count: size,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    overscan: 8,
    // Render after the scroll event, batched by React, rather than synchronously inside it.
    useFlushSync: false,
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
  else if (!buffer || (loading && size === 0)) message = t('runs.log.loading');
  else if (loadError && size === 0) message = failureWords(loadError);
  else if (size === 0) message = buffer?.events.length ? t('runs.log.noMatch') : t('runs.log.waiting');

  return (
    <section
      className={compact ? 'rn-log rn-log-compact' : 'rn-log'}
      data-testid={testId}
      data-run-id={runId ?? undefined}
      aria-label={t('runs.log.title')}
    >
      <LogToolbar
        filter={filter}
        onFilter={setFilter}
        nodeIds={nodeIds}
        names={names}
        follow={follow}
        onFollow={setFollow}
        shown={size}
        total={buffer?.events.length ?? 0}
        loading={loading}
      />
      <div
        ref={scrollRef}
        className="rn-log-scroll"
        tabIndex={0}
        role="list"
        aria-label={t('runs.log.rows')}
        aria-busy={loading}
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
          <div
            // No hover hit-testing while scrolling: Chromium re-tests the pointer after every scroll step.
            className={virtualizer.isScrolling ? 'rn-log-inner rn-log-scrolling' : 'rn-log-inner'}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {view &&
              virtualizer.getVirtualItems().map((row) => {
                const event = view.at(row.index);
                const itemId = event && buffer ? buffer.itemIdOf(event) : null;
                return event ? (
                  <LogRow
                    // Keyed by slot, not by event: scrolling reuses the rows' elements (new text,
                    // same nodes) instead of creating new ones every frame.
                    key={row.index % ROW_SLOTS}
                    event={event}
                    itemId={itemId}
                    itemLabel={itemId === null ? undefined : buffer?.labelOfItem(itemId)}
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
});
