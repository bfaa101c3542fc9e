/**
 * "+N more": when a page holds more known errors than the badge cap, one small pill says
 * how many are hidden; activating it shows them all. It sits in the page's flow after the
 * last badge shown, so it never covers what someone is reading (a fixed corner pill did).
 */
import { h, render } from 'preact';
import { createShadowMount } from './badge-host';
import { tn } from '../ui/i18n';
import { trusted } from '../ui/trusted';
import type { Theme } from '../sites/types';

export interface MoreSummary {
  /** @param after the last badge shown, which the pill follows. */
  update(hidden: number, theme: Theme, after: Element | undefined): void;
  dispose(): void;
}

/** Only when no badge is shown to follow (a cap of 0): the corner, out of the text's way. */
const CORNER = 'position:fixed;right:16px;bottom:16px;z-index:2147483646;';

export function createMoreSummary(doc: Document, onShowAll: () => void): MoreSummary {
  let host: HTMLElement | undefined;
  let mount: HTMLElement | undefined;
  return {
    update(hidden, theme, after) {
      if (hidden <= 0) {
        if (mount) render(null, mount);
        host?.remove();
        host = mount = undefined;
        return;
      }
      if (!host) ({ element: host, mount } = createShadowMount(doc));
      if (after?.isConnected) {
        host.removeAttribute('style');
        if (after.nextElementSibling !== host) after.after(host);
      } else {
        host.setAttribute('style', CORNER);
        if (host.parentElement !== doc.body) doc.body?.append(host);
      }
      host.setAttribute('data-theme', theme);
      render(
        h('button', { type: 'button', class: 'badge more', onClick: trusted(onShowAll) }, [
          h('span', { class: 'badge-mark', 'aria-hidden': 'true' }),
          h('span', { class: 'badge-text' }, tn('badgeMore', hidden)),
        ]),
        mount as HTMLElement,
      );
    },
    dispose() {
      if (mount) render(null, mount);
      host?.remove();
    },
  };
}
