// Measurements for the canvas benchmark (builder-perf): frame intervals during a gesture, the cost
// of one typed character in the side panel, and, on request, a Chromium trace summed by phase so
// a slow frame can be attributed (script, style, layout, paint, raster).
import type { Browser, Page } from 'playwright-core';

export interface FrameStats {
  frames: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  over50ms: number;
}

export function stats(samples: number[]): FrameStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  const avg = samples.reduce((a, b) => a + b, 0) / Math.max(samples.length, 1);
  const round = (v: number) => +v.toFixed(1);
  return { frames: samples.length, avgMs: round(avg), p50Ms: round(pct(0.5)), p95Ms: round(pct(0.95)), maxMs: round(sorted.at(-1) ?? 0), over50ms: samples.filter((f) => f > 50).length };
}

/** requestAnimationFrame intervals while `gesture` runs. */
export async function frameTimes(page: Page, gesture: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => {
    const w = window as any;
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const loop = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await gesture();
  const frames: number[] = await page.evaluate(() => {
    (window as any).__recording = false;
    return (window as any).__frames.slice(1);
  });
  return stats(frames);
}

/**
 * Types `text` into the focused field and measures, per character, the main-thread work from the
 * key press until the change is rendered to the DOM and laid out: the input handler, the store
 * update, React's render and commit, then a forced style and layout. Painting is what the frame
 * figures cover.
 */
export async function typingCost(page: Page, text: string): Promise<{ perChar: FrameStats; scriptOnly: FrameStats }> {
  await page.evaluate(() => {
    const w = window as any;
    w.__keys = [];
    w.__scripts = [];
    if (w.__typingProbe) return;
    w.__typingProbe = true;
    let start = 0;
    addEventListener('keydown', () => (start = performance.now()), { capture: true });
    // Window, bubble phase: runs after React's root listener has rendered and committed the edit.
    addEventListener('input', () => {
      w.__scripts.push(performance.now() - start);
      document.body.getBoundingClientRect();
      w.__keys.push(performance.now() - start);
    });
  });
  await page.keyboard.type(text, { delay: 40 });
  const [keys, scripts] = await page.evaluate(() => [(window as any).__keys as number[], (window as any).__scripts as number[]]);
  return { perChar: stats(keys), scriptOnly: stats(scripts) };
}

const PHASES = ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'RasterTask', 'HitTest'];
const TASK = 'ThreadControllerImpl::RunTask';
/** The DOM events a gesture's input arrives as. */
const INPUT_EVENTS = new Set(['mousemove', 'pointermove', 'wheel', 'keydown', 'mousedown', 'mouseup']);

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, it does not grow when other processes take the cores. */
  tdur?: number;
  pid: number;
  tid: number;
  ts: number;
  args?: { name?: string; data?: { type?: string } };
}

export interface CpuFigures {
  /** Main-thread CPU per frame shown: what a frame costs the page, whatever else runs on the machine. */
  mainMsPerFrame: number;
  /** Raster-thread CPU per frame shown (software raster: no GPU here). */
  rasterMsPerFrame: number;
  /** The 95th percentile of main-thread task CPU (a task longer than 16 ms drops a frame). */
  taskP95Ms: number;
  /**
   * Main-thread CPU of each frame that handled input (every task between two animation frames,
   * summed, for the frames in which a pointer move, wheel step or key press was dispatched): the
   * frame time an idle machine would show, where input arrives every frame, to hold against the
   * 17 ms target when other processes stretch the wall clock. On a loaded machine input arrives
   * every two or three frames; the idle frames between are left out, so they do not flatter it.
   */
  cpuFrame: FrameStats;
  /** Main-thread CPU of every frame of the gesture, in order (ms), to see where the costly ones fall. */
  cpuFrameSeries: number[];
  /** CPU of each task that handled a typed character (key press to DOM updated), if any. */
  keyTasks: FrameStats | null;
  /** CPU ms by phase and thread, for attributing the cost (script, style, layout, paint, raster). */
  phases: Record<string, Record<string, number>>;
}

/** Runs `gesture` under a Chromium trace and returns its frame stats with CPU figures per frame. */
export async function traced(browser: Browser, page: Page, gesture: () => Promise<void>): Promise<{ frames: FrameStats; cpu: CpuFigures }> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const frames = await frameTimes(page, gesture);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
  const threadOf = (e: TraceEvent) => threads.get(`${e.pid}:${e.tid}`) ?? '?';
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const phases: Record<string, Record<string, number>> = {};
  for (const e of events) {
    if (e.ph !== 'X' || !PHASES.includes(e.name)) continue;
    const byName = (phases[threadOf(e)] ??= {});
    byName[e.name] = +((byName[e.name] ?? 0) + cpu(e)).toFixed(1);
  }
  const mainTaskEvents = events.filter((e) => e.ph === 'X' && e.name === TASK && threadOf(e) === 'CrRendererMain');
  const mainTasks = mainTaskEvents.map(cpu);
  const inputs = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
  const keyTasks = mainTaskEvents.filter((t) => inputs.some((i) => i.tid === t.tid && i.ts >= t.ts && i.ts <= t.ts + (t.dur ?? 0))).map(cpu);
  // Frame boundaries: the animation frames fired on the main thread (the probe's rAF runs in every
  // frame; callbacks fired within 2 ms of each other belong to the same frame).
  const boundaries: number[] = [];
  for (const ts of events.filter((e) => e.name === 'FireAnimationFrame' && threadOf(e) === 'CrRendererMain').map((e) => e.ts).sort((a, b) => a - b)) {
    if (boundaries.length === 0 || ts - boundaries.at(-1)! > 2_000) boundaries.push(ts);
  }
  /** The frame (index of the interval between two boundaries) a timestamp falls in, or -1. */
  const frameOf = (ts: number) => {
    let lo = 0;
    let hi = boundaries.length - 1;
    if (hi < 1 || ts < boundaries[0]! || ts >= boundaries[hi]!) return -1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (boundaries[mid]! <= ts) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const perFrame = new Array<number>(Math.max(boundaries.length - 1, 0)).fill(0);
  for (const t of mainTaskEvents) {
    const i = frameOf(t.ts);
    if (i >= 0) perFrame[i]! += cpu(t);
  }
  const withInput = new Set(
    events
      .filter((e) => e.name === 'EventDispatch' && INPUT_EVENTS.has(e.args?.data?.type ?? '') && threadOf(e) === 'CrRendererMain')
      .map((e) => frameOf(e.ts)),
  );
  const raster = events.filter((e) => e.ph === 'X' && e.name === 'RasterTask').reduce((sum, e) => sum + cpu(e), 0);
  const shown = Math.max(frames.frames, 1);
  const round = (v: number) => +v.toFixed(1);
  return {
    frames,
    cpu: {
      mainMsPerFrame: round(mainTasks.reduce((a, b) => a + b, 0) / shown),
      rasterMsPerFrame: round(raster / shown),
      taskP95Ms: stats(mainTasks.filter((t) => t > 0.5)).p95Ms,
      cpuFrame: stats(perFrame.filter((_, i) => withInput.has(i))),
      cpuFrameSeries: perFrame.map(round),
      keyTasks: keyTasks.length ? stats(keyTasks) : null,
      phases,
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** The functions that used the most main-thread time while `gesture` ran (self time, ms). */
export async function topFunctions(page: Page, gesture: () => Promise<void>, count = 20): Promise<Array<[string, number]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await gesture();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, v]) => [k, +v.toFixed(1)]);
}
