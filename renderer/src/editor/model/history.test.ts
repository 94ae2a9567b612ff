import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, recordStep, redoStep, undoStep } from './history';

describe('undo/redo history', () => {
  it('undoes and redoes steps in order', () => {
    let history = createHistory('a');
    history = recordStep(history, 'b', { at: 0 });
    history = recordStep(history, 'c', { at: 5000 });
    expect(canUndo(history)).toBe(true);
    history = undoStep(history);
    expect(history.present).toBe('b');
    history = undoStep(history);
    expect(history.present).toBe('a');
    expect(canUndo(history)).toBe(false);
    expect(undoStep(history)).toBe(history);
    history = redoStep(redoStep(history));
    expect(history.present).toBe('c');
    expect(canRedo(history)).toBe(false);
  });

  it('forgets the undone steps when something new is recorded', () => {
    let history = recordStep(recordStep(createHistory(1), 2, { at: 0 }), 3, { at: 2000 });
    history = recordStep(undoStep(history), 4, { at: 4000 });
    expect(history.past).toEqual([1, 2]);
    expect(history.future).toEqual([]);
    expect(history.present).toBe(4);
  });

  it('merges a burst of edits under one key into one step', () => {
    let history = createHistory('');
    for (const [i, text] of ['C', 'Co', 'Cod', 'Code'].entries()) {
      history = recordStep(history, text, { key: 'n1.code', at: i * 200 });
    }
    history = recordStep(history, 'Code!', { key: 'n1.code', at: 5000 });
    expect(history.past).toEqual(['', 'Code']);
    expect(undoStep(history).present).toBe('Code');
  });

  it('does not merge different keys, and keeps at most the limit', () => {
    let history = createHistory(0);
    for (let i = 1; i <= 10; i++) history = recordStep(history, i, { key: `k${i % 2}`, at: i, limit: 4 });
    expect(history.past).toEqual([6, 7, 8, 9]);
  });
});
