import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';

/**
 * The smallest zoom a flow opens at: node titles are 13 px, so ~10 px on screen here; at 0.5 they
 * were 6.5 px, unreadable. A longer flow opens at its start instead (the minimap shows the rest).
 */
export const OPENING_MIN_ZOOM = 0.75;
/** Room around a flow that fits whole, as a share of the pane (React Flow's fit-view padding). */
const OPENING_PADDING = 0.1;
/** Room left of the first node when a long flow opens at its start (px on screen). */
export const OPENING_LEFT_MARGIN = 48;

/**
 * The view a flow opens with in a pane of `width` × `height`: all of it, centred, at a zoom of at
 * most 1; a flow too long to read whole opens at {@link OPENING_MIN_ZOOM} at its start (its
 * trigger and source: flows read left to right), not in its middle with both ends out of view.
 */
export function openingView(bounds: Rect, width: number, height: number): Viewport {
  const view = getViewportForBounds(bounds, width, height, OPENING_MIN_ZOOM, 1, OPENING_PADDING);
  if (bounds.width * view.zoom + 2 * OPENING_LEFT_MARGIN <= width) return view;
  return { ...view, x: OPENING_LEFT_MARGIN - bounds.x * view.zoom };
}
