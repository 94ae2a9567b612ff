import { describe, expect, it } from 'vitest';
import { OPENING_LEFT_MARGIN, OPENING_MIN_ZOOM, openingView } from './opening-view';

describe('openingView', () => {
  it('shows a short flow whole and centred', () => {
    const bounds = { x: 100, y: 50, width: 400, height: 80 };
    const view = openingView(bounds, 1000, 600);
    expect(view.zoom).toBeLessThanOrEqual(1);
    // The flow's centre lands on the pane's centre.
    expect(view.x + (bounds.x + bounds.width / 2) * view.zoom).toBeCloseTo(500);
    expect(view.y + (bounds.y + bounds.height / 2) * view.zoom).toBeCloseTo(300);
  });

  it('opens a flow too long to read whole at its start, at the readable zoom', () => {
    // Nine nodes in a row, as the orders template, in a 644 px wide canvas.
    const bounds = { x: -200, y: 0, width: 2400, height: 80 };
    const view = openingView(bounds, 644, 500);
    expect(view.zoom).toBe(OPENING_MIN_ZOOM);
    // The first node's left edge is on screen, a margin from the pane's edge.
    expect(view.x + bounds.x * view.zoom).toBeCloseTo(OPENING_LEFT_MARGIN);
    // Still centred vertically.
    expect(view.y + (bounds.y + bounds.height / 2) * view.zoom).toBeCloseTo(250);
  });
});
