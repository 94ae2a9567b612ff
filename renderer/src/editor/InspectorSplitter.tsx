import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INSPECTOR_MIN_WIDTH } from '../../../shared/settings/settings';

const STEP = 16;

interface InspectorSplitterProps {
  /** The inspector's width now, in CSS pixels. */
  width: number;
  /** The widest it may be now (the canvas keeps the rest). */
  max: number;
  /** While dragging: the width under the pointer. */
  onResize(width: number): void;
  /** Once let go (or a key pressed): the width to keep; null puts the default back. */
  onCommit(width: number | null): void;
}

/**
 * The line between the canvas and the inspector: drag it to give the inspector (its tables, its
 * field paths) more room, or focus it and use the arrow keys; Home puts the default back.
 */
export function InspectorSplitter({ width, max, onResize, onCommit }: InspectorSplitterProps) {
  const { t } = useTranslation();
  const drag = useRef<{ startX: number; startWidth: number; width: number } | null>(null);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(INSPECTOR_MIN_WIDTH, value)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width, width };
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    // The inspector is on the right: moving the line left widens it.
    current.width = clamp(current.startWidth + current.startX - event.clientX);
    onResize(current.width);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    drag.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
    if (current.width !== current.startWidth) onCommit(current.width);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft'
        ? clamp(width + STEP)
        : event.key === 'ArrowRight'
          ? clamp(width - STEP)
          : event.key === 'End'
            ? max
            : undefined;
    if (event.key === 'Home') {
      event.preventDefault();
      onCommit(null);
    } else if (next !== undefined) {
      event.preventDefault();
      onResize(next);
      onCommit(next);
    }
  };

  return (
    <div
      className="ed-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('editor.inspectorResize')}
      aria-valuemin={INSPECTOR_MIN_WIDTH}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      title={t('editor.inspectorResizeHelp')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onCommit(null)}
      data-testid="inspector-splitter"
    />
  );
}
