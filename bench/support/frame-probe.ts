import type { CDPSession, Page } from 'playwright-core';

/**
 * Frame timing for UI benchmarks in real Chromium: a requestAnimationFrame probe records the
 * interval of every frame (what a user sees), and a DevTools trace of the renderer's main thread
 * gives the CPU it actually used per frame (what the page costs, even on a busy machine where
 * frames wait for a CPU).
 */

// In-page code is passed as text: tsx would wrap named functions in a helper the page lacks.
const probeStart = `(() => {
  window.__frames = [];
  window.__stop = false;
  let last = performance.now();
  const tick = (time) => {
    window.__frames.push(time - last);
    last = time;
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const probeStop = '(() => { window.__stop = true; return window.__frames.slice(1); })()';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

function isTraceEvent(value: object): value is TraceEvent {
  return 'name' in value && 'ph' in value && 'pid' in value && 'tid' in value;
}

async function startTrace(cdp: CDPSession): Promise<() => Promise<number>> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => {
    for (const value of data.value) if (isTraceEvent(value)) events.push(value);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    const main = events.find(
      (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
    );
    if (!main) return Number.NaN;
    // Top-level tasks of the page's main thread; thread time (tdur), not wall time.
    const tasks = events.filter(
      (event) =>
        event.ph === 'X' &&
        event.pid === main.pid &&
        event.tid === main.tid &&
        (event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask'),
    );
    return tasks.reduce((sum, event) => sum + (event.tdur ?? 0), 0) / 1000;
  };
}

export interface SceneFigures {
  scene: string;
  frames: number;
  fps: number;
  'p50 ms': number;
  'p95 ms': number;
  'p99 ms': number;
  '>33 ms': number;
  'main-thread CPU ms/frame': number;
}

/** Runs `action` while measuring frames and main-thread CPU. */
export async function measureScene(
  page: Page,
  scene: string,
  action: () => Promise<unknown>,
): Promise<SceneFigures> {
  const cdp = await page.context().newCDPSession(page);
  const stopTrace = await startTrace(cdp);
  await page.evaluate(probeStart);
  await action();
  const frames = await page.evaluate<number[]>(probeStop);
  const cpu = await stopTrace();
  await cdp.detach();
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = frames.reduce((sum, value) => sum + value, 0);
  const round = (value: number) => Number(value.toFixed(1));
  return {
    scene,
    frames: frames.length,
    fps: round((frames.length * 1000) / total),
    'p50 ms': round(at(0.5)),
    'p95 ms': round(at(0.95)),
    'p99 ms': round(at(0.99)),
    '>33 ms': frames.filter((value) => value > 33.4).length,
    'main-thread CPU ms/frame': round(cpu / Math.max(1, frames.length)),
  };
}

/** A fast fling: `step` px further every frame for `ms` (wrapping at the end), on `selector`. */
export function flingScript(selector: string, step: number, ms: number): string {
  return `new Promise((resolve) => {
    const element = document.querySelector(${JSON.stringify(selector)});
    element.scrollTop = 0;
    const until = performance.now() + ${ms};
    const next = () => {
      element.scrollTop += ${step};
      if (element.scrollTop + element.clientHeight >= element.scrollHeight) element.scrollTop = 0;
      if (performance.now() < until) requestAnimationFrame(next);
      else resolve();
    };
    requestAnimationFrame(next);
  })`;
}

/** `count` jumps to random places, one a frame, on `selector`. */
export function jumpScript(selector: string, count: number): string {
  return `new Promise((resolve) => {
    const element = document.querySelector(${JSON.stringify(selector)});
    let done = 0;
    const next = () => {
      element.scrollTop = Math.random() * (element.scrollHeight - element.clientHeight);
      if (++done < ${count}) requestAnimationFrame(next);
      else resolve();
    };
    requestAnimationFrame(next);
  })`;
}
