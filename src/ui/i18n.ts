/**
 * UI strings in English and Simplified Chinese. The same `_locales` files the browser
 * reads for the manifest are bundled here, so the person can also pick a language in
 * the options page and tests can render either language.
 */
import { browser } from 'wxt/browser';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

export type Lang = 'en' | 'zh_CN';
type Catalog = Record<string, { message: string }>;

const CATALOGS: Record<Lang, Catalog> = { en, zh_CN: zhCN };
export type MessageKey = keyof typeof en;

let current: Lang = 'en';

/** `auto` follows the browser's UI language; any Chinese variant picks zh_CN. */
export function resolveLanguage(setting: 'auto' | Lang, uiLanguage: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  return /^zh\b/i.test(uiLanguage ?? '') ? 'zh_CN' : 'en';
}

export function setLanguage(lang: Lang): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
}

/** Applies the person's language setting (`auto` follows the browser's UI language). */
export function applyLanguageSetting(setting: 'auto' | Lang): void {
  setLanguage(resolveLanguage(setting, browser.i18n.getUILanguage()));
}

export function getLanguage(): Lang {
  return current;
}

/** The string for `key`, with `$1`…`$9` replaced by `subs` (Chrome's i18n syntax). */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const entry = CATALOGS[current][key] ?? CATALOGS.en[key];
  return fill(entry?.message ?? key, subs);
}

/** `$1`…`$9` replaced by `subs`. */
function fill(message: string, subs: Array<string | number>): string {
  return message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/**
 * A count in a sentence, through the language's plural rules: `key_one` (and the other
 * CLDR categories where a catalog has them) is used when it exists for the count's
 * category, `key` otherwise. Chinese has one form, so its catalog needs no variants.
 */
export function tn(key: MessageKey, count: number, ...more: Array<string | number>): string {
  const category = new Intl.PluralRules(current === 'zh_CN' ? 'zh-CN' : 'en').select(count);
  const variant = `${key}_${category}`;
  const catalog = CATALOGS[current];
  const message = (catalog[variant] ?? catalog[key] ?? CATALOGS.en[key])?.message ?? key;
  return fill(message, [count, ...more]);
}

/** A knowledge title or summary in the UI language, when the entry has one. */
export function localized(item: { title: string; title_zh?: string }): string {
  return current === 'zh_CN' && item.title_zh ? item.title_zh : item.title;
}

/** A cause's short label in the UI language, when the knowledge gives one. */
export function localizedLabel(item: { label?: string; label_zh?: string }): string | undefined {
  return current === 'zh_CN' && item.label_zh ? item.label_zh : item.label;
}
