/** Sites: one switch per site adapter, and the hosts switched off from the popup. */
import { useState } from 'preact/hooks';
import { disableOptionalSite, enableOptionalSite } from '../platform/permissions';
import { isSiteSwitchedOn, updateSettings, type Settings } from '../platform/settings';
import type { SiteAdapter } from '../sites/types';
import { t, type MessageKey } from './i18n';
import { Switch } from './options-switch';

/** `https://*.slack.com/*` → `*.slack.com`: what the person recognizes. */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
}

/** Adapter names that are not proper nouns, in the UI language. */
const TRANSLATED_NAMES: Partial<Record<string, MessageKey>> = {
  docs: 'optionsSiteNameDocs',
  stackexchange: 'optionsSiteNameStackExchange',
};

export function siteName(adapter: SiteAdapter): string {
  const key = TRANSLATED_NAMES[adapter.id];
  return key ? t(key) : adapter.name;
}

export function isSiteOn(adapter: SiteAdapter, settings: Settings, granted: Record<string, boolean>): boolean {
  return isSiteSwitchedOn(adapter, settings) && (adapter.defaultOn || granted[adapter.id] === true);
}

export function SitesSection(props: {
  adapters: readonly SiteAdapter[];
  settings: Settings;
  granted: Record<string, boolean>;
  onSettings: (s: Settings) => void;
  onPermissionsChanged: () => Promise<void>;
}) {
  const { settings } = props;
  const [pending, setPending] = useState<{ id: string; on: boolean } | null>(null);
  const [message, setMessage] = useState('');
  // An adapter with no hosts of its own (the on-demand scanner) has nothing to switch.
  const adapters = props.adapters.filter((a) => a.defaultOn || a.matches.length > 0);

  const toggle = (adapter: SiteAdapter, on: boolean) => {
    setMessage('');
    if (adapter.defaultOn) {
      void updateSettings((s) => ({ ...s, sites: { ...s.sites, [adapter.id]: on } })).then(props.onSettings);
      return;
    }
    // enableOptionalSite runs permissions.request before its first await, inside this click.
    const work = on ? enableOptionalSite(adapter, props.adapters) : disableOptionalSite(adapter, props.adapters).then(() => true);
    setPending({ id: adapter.id, on });
    void work
      .then((done) => {
        if (!done) setMessage(t('optionsSitesNotGranted', siteName(adapter)));
      })
      .catch((error: Error) => setMessage(t('optionsSitesFailed', siteName(adapter), error.message)))
      .finally(async () => {
        await props.onPermissionsChanged();
        setPending(null);
      });
  };

  const enableHost = (host: string) => {
    void updateSettings((s) => ({ ...s, disabledHosts: s.disabledHosts.filter((h) => h !== host) })).then(props.onSettings);
  };

  return (
    <section id="sites" class="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('optionsSitesHeading')}</h2>
      <p class="section-desc">{t('optionsSitesIntro')}</p>
      {adapters.length === 0 && <p class="row muted">{t('optionsSitesNone')}</p>}
      {adapters.map((adapter) => {
        const on = pending?.id === adapter.id ? pending.on : isSiteOn(adapter, settings, props.granted);
        const hosts = adapter.matches.map(hostOfPattern).join(', ');
        return (
          <Switch
            key={adapter.id}
            id={`site-${adapter.id}`}
            checked={on}
            disabled={pending !== null}
            label={siteName(adapter)}
            description={adapter.defaultOn ? hosts : t('optionsSitesOptional', hosts)}
            onChange={(checked) => toggle(adapter, checked)}
          />
        );
      })}
      <p class="status" role="status">
        {message}
      </p>

      <h3 class="subheading">{t('optionsHostsHeading')}</h3>
      {settings.disabledHosts.length === 0 ? (
        <p class="row muted">{t('optionsHostsNone')}</p>
      ) : (
        <ul class="plain-list">
          {settings.disabledHosts.map((host) => (
            <li key={host} class="row">
              <span class="row-label mono">{host}</span>
              <button type="button" class="button" aria-label={t('optionsHostsEnableLabel', host)} onClick={() => enableHost(host)}>
                {t('optionsHostsEnable')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
