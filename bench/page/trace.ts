/**
 * Main-thread attribution from a Chromium trace: which tasks ran the extension's
 * content script (JavaScript whose script URL is chrome-extension://…), how long they
 * took in total, and the longest of them. Trace event names are Chromium's
 * devtools.timeline ones (RunTask, FunctionCall, EvaluateScript, …).
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; scriptName?: string; stackTrace?: Array<{ url?: string }>; frames?: Array<{ url?: string; processId?: number }> };
  };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'];

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) return [];
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

const JS_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'V8.Execute', 'v8.run']);

function isExtensionJs(event: TraceEvent): boolean {
  if (!JS_EVENTS.has(event.name)) return false;
  const data = event.args?.data;
  const url = data?.url ?? data?.scriptName ?? data?.stackTrace?.[0]?.url ?? '';
  return url.startsWith('chrome-extension://');
}

export interface MainThreadStats {
  /** All main-thread task time of the page's renderer, ms. */
  totalMs: number;
  /** Time inside the extension's JavaScript, ms. */
  extensionMs: number;
  /** The most extension JavaScript run inside one task, ms: our share of a long task. */
  extensionLongestRunMs: number;
  /** The longest task that ran any extension JavaScript, ms (the page's own work in it included). */
  extensionLongestTaskMs: number;
  /** The longest task of any kind, ms. */
  longestTaskMs: number;
}

/**
 * Stats for the main thread of the renderer that ran `pageUrl` (the trace covers every
 * process, including the extension's own, which must not count as page work).
 */
export function mainThreadStats(events: TraceEvent[], pageUrl: string): MainThreadStats {
  const pagePids = new Set<number>();
  for (const e of events) {
    for (const frame of e.args?.data?.frames ?? []) {
      if (frame.url?.startsWith(pageUrl) && frame.processId !== undefined) pagePids.add(frame.processId);
    }
  }
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .filter((e) => pagePids.size === 0 || pagePids.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key) || e.ph !== 'X') continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  let totalMs = 0;
  let extensionMs = 0;
  let extensionLongestTaskMs = 0;
  let extensionLongestRunMs = 0;
  let longestTaskMs = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts);
    // Outermost tasks only: Chromium nests RunTask events of different layers.
    const tasks: TraceEvent[] = [];
    let taskEnd = -1;
    for (const e of list) {
      if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= taskEnd) {
        tasks.push(e);
        taskEnd = e.ts + (e.dur ?? 0);
      }
    }
    const js = list.filter(isExtensionJs);
    // Outermost extension JS only: nested calls are already inside their parent's time.
    let coveredUntil = -1;
    const outer: TraceEvent[] = [];
    for (const e of js) {
      if (e.ts >= coveredUntil) {
        outer.push(e);
        coveredUntil = e.ts + (e.dur ?? 0);
      }
    }
    for (const e of outer) extensionMs += (e.dur ?? 0) / 1000;
    let j = 0;
    for (const task of tasks) {
      const dur = (task.dur ?? 0) / 1000;
      totalMs += dur;
      longestTaskMs = Math.max(longestTaskMs, dur);
      const end = task.ts + (task.dur ?? 0);
      while (j < outer.length && outer[j].ts < task.ts) j++;
      let run = 0;
      let k = j;
      for (; k < outer.length && outer[k].ts <= end; k++) run += (outer[k].dur ?? 0) / 1000;
      if (k > j) {
        extensionLongestTaskMs = Math.max(extensionLongestTaskMs, dur);
        extensionLongestRunMs = Math.max(extensionLongestRunMs, run);
      }
    }
  }
  return { totalMs, extensionMs, extensionLongestRunMs, extensionLongestTaskMs, longestTaskMs };
}
