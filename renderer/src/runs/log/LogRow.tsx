import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunEvent } from '../../../../shared/flow/run-events';
import { eventLevel, eventNode, eventStatus, type LogLevel, type LogStatus } from '../model/event-facets';
import { formatClock } from '../model/format';
import { nodeName, type NodeNames } from '../../../../shared/flow/node-names';
import { eventText } from './event-text';

/** Level glyphs: text, not SVG, so a row stays a handful of cheap nodes (rows are created while scrolling). */
const levelGlyph: Record<LogLevel, string> = { debug: '·', info: 'i', warn: '!', error: '✕' };
const statusGlyph: Partial<Record<LogStatus, string>> = { succeeded: '✓', skipped: '↷', retrying: '↻' };

interface LogRowProps {
  event: RunEvent;
  /** The record the event is about, if any (a node's log line names it by key only). */
  itemId: number | null;
  /** The record's order number, SKU or e-mail, shown instead of its key when known. */
  itemLabel: string | undefined;
  names: NodeNames;
  locale: string;
  top: number;
  height: number;
  onOpenRecord?: (runId: string, itemId: number) => void;
}

/** One event of the live log. Tests read `data-event-type`, `data-level`, `data-status` and `data-seq`. */
export const LogRow = memo(function LogRow({
  event,
  itemId,
  itemLabel,
  names,
  locale,
  top,
  height,
  onOpenRecord,
}: LogRowProps) {
  const { t } = useTranslation();
  const level = eventLevel(event);
  const key = 'key' in event ? event.key : null;
  const node = nodeName(names, eventNode(event));
  const text = eventText(t, event, locale);
  const clock = formatClock(event.at);
  const levelName = t(`runs.log.levels.${level}`);
  const status = eventStatus(event);
  return (
    <div
      className={`rn-log-row rn-level-${level}`}
      role="listitem"
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid="log-row"
      data-event-type={event.type}
      data-level={level}
      data-status={status ?? undefined}
      data-seq={event.seq}
      data-item-id={itemId ?? undefined}
    >
      <span className="rn-log-time" title={clock}>
        {clock.slice(0, 8)}
        <span className="rn-log-ms">{clock.slice(8)}</span>
      </span>
      <span className="rn-log-level" title={levelName} aria-label={levelName}>
        {(status && statusGlyph[status]) ?? levelGlyph[level]}
      </span>
      <span className="rn-log-node" title={node}>
        {node}
      </span>
      <span className="rn-log-text" title={node ? `${node}: ${text}` : text}>
        {text}
      </span>
      {key !== null && itemId !== null && onOpenRecord ? (
        <button
          type="button"
          className="rn-log-key rn-link"
          onClick={() => onOpenRecord(event.runId, itemId)}
          title={`${t('runs.log.openRecord')}: ${key}`}
        >
          {itemLabel ?? key}
        </button>
      ) : (
        <span className="rn-log-key" title={key ?? undefined}>
          {itemLabel ?? key}
        </span>
      )}
    </div>
  );
});
