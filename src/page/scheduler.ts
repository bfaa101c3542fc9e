/**
 * Work in short slices when the page is idle, so scanning never becomes a long task
 * (over 50 ms). Each slice gets SLICE_MS; a job that uses it up resumes next slice.
 */
export const SLICE_MS = 8;

export interface Slice {
  /** True once this slice's time is used up. */
  shouldYield(): boolean;
}

export interface Scheduler {
  /** Asks for `run` to be called in a later slice (repeated calls before then coalesce). */
  request(): void;
}

export function createScheduler(view: Window, run: (slice: Slice) => boolean, signal: AbortSignal): Scheduler {
  let pending = false;
  const now = () => view.performance.now();
  const idle = (view as Window & { requestIdleCallback?: Window['requestIdleCallback'] }).requestIdleCallback?.bind(view);

  const tick = () => {
    pending = false;
    if (signal.aborted) return;
    const end = now() + SLICE_MS;
    const more = run({ shouldYield: () => now() >= end });
    if (more) request();
  };

  function request() {
    if (pending || signal.aborted) return;
    pending = true;
    // An idle callback with a timeout: busy pages still get scanned, just later.
    if (idle) idle(tick, { timeout: 300 });
    else view.setTimeout(tick, 16);
  }

  return { request };
}
