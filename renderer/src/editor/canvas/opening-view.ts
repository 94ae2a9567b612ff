import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';

/** The smallest zoom a flow opens at: below it node titles are no longer readable. */
export const OPENING_MIN_ZOOM = 0.5;
/** Room left of the first node when a long flow opens at its start (px on screen). */
export const OPENING_LEFT_MARGIN = 48;

/**
 * The view a flow opens with in a pane of `width` × `height`: all of it, centred, at a zoom of at
 * most 1; a flow too long to read whole opens at {@link OPENING_MIN_ZOOM} at its start (its
 * trigger and source: flows read left to right), not in its middle with both ends out of view.
 */
export function openingView(bounds: Rect, width: number, height: number): Viewport {
  const view = getViewportForBounds(bounds, width, height, OPENING_MIN_ZOOM, 1, 0.3);
  if (bounds.width * view.zoom + 2 * OPENING_LEFT_MARGIN <= width) return view;
  return { ...view, x: OPENING_LEFT_MARGIN - bounds.x * view.zoom };
}
