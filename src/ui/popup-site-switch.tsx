/** On/off for the current site, stored as `settings.disabledHosts`. */
import { useState } from 'preact/hooks';
import { updateSettings } from '../platform/settings';
import { t } from './i18n';

export function PopupSiteSwitch(props: { host: string; disabledHosts: readonly string[] }) {
  const [on, setOn] = useState(!props.disabledHosts.includes(props.host));
  const toggle = async (next: boolean) => {
    setOn(next);
    const saved = await updateSettings((s) => ({
      ...s,
      disabledHosts: next ? s.disabledHosts.filter((h) => h !== props.host) : [...new Set([...s.disabledHosts, props.host])],
    }));
    // Show what was stored, not what was asked, should another page have written meanwhile.
    setOn(!saved.disabledHosts.includes(props.host));
  };
  return (
    <label class="popup-switch">
      <input
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{t('popupSiteSwitch', props.host)}</span>
    </label>
  );
}
