// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { listenForBadgeKeys, nextStop, type BadgeStop } from '../../src/page/badge-keys';

const stop = (top: number): BadgeStop => {
  const element = document.createElement('div');
  element.getBoundingClientRect = () => ({ top }) as DOMRect;
  return { element, focus: vi.fn() };
};

describe('moving between badges by key', () => {
  const stops = [stop(-300), stop(100), stop(900)];

  it('goes to the next and previous badge from the focused one, wrapping around', () => {
    expect(nextStop(stops, stops[0].element, true)).toBe(stops[1]);
    expect(nextStop(stops, stops[2].element, true)).toBe(stops[0]);
    expect(nextStop(stops, stops[0].element, false)).toBe(stops[2]);
  });

  it('starts from the viewport when no badge has focus', () => {
    expect(nextStop(stops, null, true)).toBe(stops[1]);
    expect(nextStop(stops, null, false)).toBe(stops[0]);
    expect(nextStop([], null, true)).toBeUndefined();
  });

  it('ignores synthetic key events and keys typed into a field', () => {
    const abort = new AbortController();
    const targets = [stop(10), stop(20)];
    listenForBadgeKeys(document, () => targets, abort.signal);
    // A script-made event (isTrusted false), as a page would dispatch.
    document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyJ', altKey: true, shiftKey: true, bubbles: true }));
    const input = document.createElement('input');
    document.body.append(input);
    input.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyJ', altKey: true, shiftKey: true, bubbles: true }));
    expect(targets[0].focus).not.toHaveBeenCalled();
    abort.abort();
  });
});
