/** Typed sending over the message contract. */
import { browser } from 'wxt/browser';
import type { Message, Replies } from './messages';

export function sendMessage<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<Replies[M['type']]>;
}
