/**
 * "+N more": when a page holds more known errors than the badge cap, one small pill in
 * the corner says how many are hidden; activating it shows them all.
 */
import { h, render } from 'preact';
import { createShadowMount } from './badge-host';
import { t, tn } from '../ui/i18n';
import type { Theme } from '../sites/types';

export interface MoreSummary {
  update(hidden: number, theme: Theme): void;
  dispose(): void;
}

const POSITION = 'position:fixed;right:16px;bottom:16px;z-index:2147483646;';

export function createMoreSummary(doc: Document, onShowAll: () => void): MoreSummary {
  let host: HTMLElement | undefined;
  let mount: HTMLElement | undefined;
  return {
    update(hidden, theme) {
      if (hidden <= 0) {
        if (mount) render(null, mount);
        host?.remove();
        host = mount = undefined;
        return;
      }
      if (!host) {
        ({ element: host, mount } = createShadowMount(doc, 'more'));
        host.setAttribute('style', POSITION);
        doc.body?.append(host);
      }
      host.setAttribute('data-theme', theme);
      render(
        h('button', { type: 'button', class: 'badge more', onClick: onShowAll }, [
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
