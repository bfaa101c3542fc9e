/**
 * The content script's lifetime, tied to something a page cannot forge.
 *
 * WXT's own context (0.20.x) announces every content script to the page with
 * `window.postMessage("<extension id>:content:wxt:content-script-started", "*")` and stops
 * when it sees that message again: a page could read our id from it and switch us off by
 * replaying it. This class replaces it (wxt.config.ts aliases `wxt/utils/content-script-context`
 * to this file for the content script): the same interface, but the lifetime comes from
 * a `runtime.connect` port to the background, which the page cannot see or send on.
 *
 * - The extension reloads or is removed: the port disconnects and `runtime.id` is gone.
 * - A newer copy starts in the same frame ("Scan this page"): the background tells the
 *   older one to stop over its port.
 * - The service worker goes idle and drops the port: the context stays valid and
 *   reconnects the next time someone asks whether it is.
 */
import { browser } from 'wxt/browser';

export const LIFETIME_PORT_PREFIX = 'faultline-life:';
export const STOP_MESSAGE = 'stop';
/** How often a soft navigation (history.pushState) is looked for. */
const LOCATION_POLL_MS = 1000;

type Handler = (event: Event) => void;

export class ContentScriptContext {
  private readonly abortController = new AbortController();
  private port: ReturnType<typeof browser.runtime.connect> | undefined;
  private readonly startedAt = `${Date.now()}.${Math.random().toString(36).slice(2)}`;

  constructor(
    readonly contentScriptName?: string,
    readonly options?: unknown,
  ) {
    this.connect();
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  get isInvalid(): boolean {
    if (!this.signal.aborted) {
      if (!extensionAlive()) this.abort('extension context invalidated');
      else if (!this.port) this.connect();
    }
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => this.isValid && callback(t));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => !this.signal.aborted && callback(deadline), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /**
   * Like WXT's: listeners end with the context. `wxt:locationchange` is answered by our own
   * poll, calling the handler directly: WXT dispatches it as a window event, which the page
   * would see too.
   */
  addEventListener(target: EventTarget, type: string, handler: Handler, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange') {
      let href = location.href;
      this.setInterval(() => {
        if (location.href === href) return;
        href = location.href;
        handler(new Event('locationchange'));
      }, LOCATION_POLL_MS);
      return;
    }
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  private connect(): void {
    if (this.signal.aborted) return;
    try {
      const port = browser.runtime.connect({ name: `${LIFETIME_PORT_PREFIX}${this.startedAt}` });
      this.port = port;
      port.onMessage.addListener((message: unknown) => {
        if (message === STOP_MESSAGE) this.abort('a newer copy started in this frame');
      });
      port.onDisconnect.addListener(() => {
        this.port = undefined;
        if (!extensionAlive()) this.abort('extension context invalidated');
      });
    } catch {
      // connect throws once the extension is gone.
      this.abort('extension context invalidated');
    }
  }
}

function extensionAlive(): boolean {
  try {
    return browser.runtime?.id !== undefined;
  } catch {
    return false;
  }
}
