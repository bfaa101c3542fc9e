/** Drives a step generator (a resumable build) in idle slices; resolves with its result. */
import { createScheduler } from './scheduler';

export function runInSlices<T>(steps: Generator<void, T>, view: Window, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const scheduler = createScheduler(
      view,
      (slice) => {
        try {
          for (;;) {
            const step = steps.next();
            if (step.done) {
              resolve(step.value);
              return false;
            }
            if (slice.shouldYield()) return true;
          }
        } catch (error) {
          reject(error);
          return false;
        }
      },
      signal,
    );
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    scheduler.request();
  });
}
