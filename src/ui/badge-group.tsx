/**
 * The badges beside one place in a block: one per signature, each opening its card on
 * hover or keyboard focus. Rendered inside a shadow root, so page styles do not leak in.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Diagnosis, RankedCause } from '../engine/types';
import type { BadgeStyle } from '../platform/settings';
import type { CauseDetails } from '../platform/messages';
import { BadgeCard } from './badge-card';
import { localized, localizedLabel, t } from './i18n';
import { trusted } from './trusted';

export interface BadgeItem {
  key: string;
  diagnosis: Diagnosis;
  loadDetails: (causeId: string) => Promise<CauseDetails | null>;
  openDiagnosis: () => void;
  /** Set when an earlier block says the same (entry and top cause): shows a marker that goes there. */
  repeatOf?: () => void;
  /** The card opened or closed: the page marks the matched text only while it is open. */
  onOpenChange?: (open: boolean) => void;
}

export interface BadgeGroupProps {
  items: BadgeItem[];
  badgeStyle: BadgeStyle;
  /** Ids must be unique in the shadow root only; the prefix keeps them readable. */
  idPrefix: string;
}

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 250;

export function BadgeGroup({ items, badgeStyle, idPrefix }: BadgeGroupProps) {
  return (
    <div class="group">
      {items.map((item, k) =>
        item.repeatOf ? (
          <RepeatMarker key={item.key} item={item} />
        ) : (
          <Badge key={item.key} item={item} badgeStyle={badgeStyle} cardId={`${idPrefix}-card-${k}`} />
        ),
      )}
    </div>
  );
}

/** A small marker for a repeat of an earlier badge's diagnosis; it takes the reader there. */
function RepeatMarker({ item }: { item: BadgeItem }) {
  return (
    <span class="badge-wrap">
      <button type="button" class="badge badge-repeat" aria-label={t('badgeRepeatLabel', localized(item.diagnosis))} onClick={trusted(() => item.repeatOf?.())}>
        <span class="badge-mark" aria-hidden="true" />
        <span class="badge-text">{t('badgeRepeat')}</span>
      </button>
    </span>
  );
}

function Badge({ item, badgeStyle, cardId }: { item: BadgeItem; badgeStyle: BadgeStyle; cardId: string }) {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const schedule = (next: boolean, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(next), delay);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!open) return;
    item.onOpenChange?.(true);
    return () => item.onOpenChange?.(false);
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const card = wrap.current?.querySelector<HTMLElement>('.card') ?? null;
    const place = () => placeCard(button.current, card);
    place();
    // The card is fixed in the top layer: follow the badge when the page scrolls, and
    // place it again when it grows (the fix and sources arrive after it opens).
    const view = button.current?.ownerDocument.defaultView;
    view?.addEventListener('scroll', place, { passive: true, capture: true });
    view?.addEventListener('resize', place, { passive: true });
    const resized = view && typeof view.ResizeObserver === 'function' && card ? new view.ResizeObserver(place) : undefined;
    if (resized && card) resized.observe(card);
    return () => {
      view?.removeEventListener('scroll', place, { capture: true });
      view?.removeEventListener('resize', place);
      resized?.disconnect();
    };
  }, [open]);

  const close = (refocus: boolean) => {
    clearTimeout(timer.current);
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  return (
    <span
      ref={wrap}
      class="badge-wrap"
      onPointerEnter={trusted(() => schedule(true, OPEN_DELAY_MS))}
      onPointerLeave={trusted(() => schedule(false, CLOSE_DELAY_MS))}
      onFocusIn={trusted(() => {
        clearTimeout(timer.current);
        setOpen(true);
      })}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (!next || !wrap.current?.contains(next)) schedule(false, 0);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close(true);
        }
      }}
    >
      <button
        ref={button}
        type="button"
        class={`badge badge-${badgeStyle} badge-${item.diagnosis.causes[0]?.confidence ?? 'none'}`}
        aria-label={badgeAriaLabel(item.diagnosis)}
        aria-expanded={open}
        aria-controls={open ? cardId : undefined}
        onClick={trusted(() => (open ? close(false) : setOpen(true)))}
      >
        <span class="badge-mark" aria-hidden="true" />
        {badgeStyle === 'label' && <span class="badge-text">{badgeText(item.diagnosis)}</span>}
      </button>
      {open && (
        <BadgeCard
          id={cardId}
          diagnosis={item.diagnosis}
          loadDetails={item.loadDetails}
          onOpenDiagnosis={item.openDiagnosis}
          onClose={() => close(true)}
        />
      )}
    </span>
  );
}

function shortTitle(title: string): string {
  return title.length > 48 ? `${title.slice(0, 46)}…` : title;
}

/** The cause's label, or its title cut short when the knowledge gives no label. */
function causeLabel(cause: RankedCause): string {
  return shortTitle(localizedLabel(cause) ?? localized(cause));
}

/**
 * What the badge says: the likely cause in a few words when the page gives evidence for
 * it, "N possible causes" when it gives none (a single-cause entry just names its cause).
 */
export function badgeText(diagnosis: Diagnosis): string {
  const top = diagnosis.causes[0];
  if (!top) return shortTitle(localized(diagnosis));
  if (top.confidence === 'none' && diagnosis.causes.length > 1) return t('badgePossibleCauses', diagnosis.causes.length);
  return causeLabel(top);
}

function badgeAriaLabel(diagnosis: Diagnosis): string {
  const title = localized(diagnosis);
  const top = diagnosis.causes[0];
  if (!top) return t('badgeLabel', title);
  if (top.confidence === 'none' && diagnosis.causes.length > 1) return t('badgeNoClueLabel', title, diagnosis.causes.length);
  return t('badgeCauseLabel', title, causeLabel(top));
}

/**
 * Puts the card in the top layer (the Popover API) so a page's `overflow: hidden`
 * cannot clip it, placed under the badge and kept inside the viewport.
 */
function placeCard(anchor: HTMLElement | null, card: HTMLElement | null): void {
  if (!anchor || !card) return;
  if (typeof card.showPopover === 'function' && !card.matches(':popover-open')) {
    card.setAttribute('popover', 'manual');
    card.showPopover();
  }
  const view = anchor.ownerDocument.defaultView;
  if (!view) return;
  const rect = anchor.getBoundingClientRect();
  const width = Math.min(360, view.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left, view.innerWidth - width - 8));
  const below = rect.bottom + 6;
  const height = card.offsetHeight;
  const preferred = below + height > view.innerHeight && rect.top - height - 6 > 0 ? rect.top - height - 6 : below;
  // Always inside the viewport (the card scrolls inside itself when taller): a card that
  // hangs off the bottom would make the page scroll, and the card follow, when reached for.
  const top = Math.max(8, Math.min(preferred, view.innerHeight - height - 8));
  card.style.width = `${width}px`;
  card.style.left = `${left}px`;
  card.style.top = `${top}px`;
}
