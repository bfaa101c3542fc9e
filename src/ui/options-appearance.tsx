/** Appearance: badge style, highlight, badge cap, language. */
import { useEffect, useState } from 'preact/hooks';
import { BADGE_CAP_RANGE, updateSettings, type BadgeStyle, type Language, type Settings } from '../platform/settings';
import { t } from './i18n';
import { Switch } from './options-switch';

export function AppearanceSection(props: { settings: Settings; onSettings: (s: Settings) => void }) {
  const { settings } = props;
  const save = (change: Partial<Settings>) => void updateSettings((s) => ({ ...s, ...change })).then(props.onSettings);
  // The cap is typed freely and saved on commit (change event), clamped by sanitizeSettings.
  const [cap, setCap] = useState(String(settings.badgeCap));
  useEffect(() => setCap(String(settings.badgeCap)), [settings.badgeCap]);

  // Reads the field itself: the change event can come before the last input re-rendered.
  const commitCap = (raw: string) => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) setCap(String(settings.badgeCap));
    else save({ badgeCap: value });
  };

  return (
    <section id="appearance" class="card" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">{t('optionsAppearanceHeading')}</h2>

      <fieldset class="row">
        <legend class="row-label">{t('optionsBadgeStyle')}</legend>
        <div class="radios">
          {(['label', 'dot'] as BadgeStyle[]).map((style) => (
            <label key={style} class="radio">
              <input
                type="radio"
                name="badge-style"
                value={style}
                checked={settings.badgeStyle === style}
                onChange={() => save({ badgeStyle: style })}
              />
              {style === 'label' ? t('optionsBadgeStyleLabel') : t('optionsBadgeStyleDot')}
            </label>
          ))}
        </div>
      </fieldset>

      <Switch
        id="highlight"
        checked={settings.highlight}
        label={t('optionsHighlight')}
        description={t('optionsHighlightDesc')}
        onChange={(highlight) => save({ highlight })}
      />

      <div class="row">
        <div class="row-text">
          <label for="badge-cap" class="row-label">
            {t('optionsBadgeCap')}
          </label>
          <div id="badge-cap-desc" class="row-desc">
            {t('optionsBadgeCapDesc', BADGE_CAP_RANGE.min, BADGE_CAP_RANGE.max)}
          </div>
        </div>
        <input
          id="badge-cap"
          class="number"
          type="number"
          inputMode="numeric"
          min={BADGE_CAP_RANGE.min}
          max={BADGE_CAP_RANGE.max}
          step={1}
          value={cap}
          aria-describedby="badge-cap-desc"
          onInput={(e) => setCap((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => commitCap((e.currentTarget as HTMLInputElement).value)}
        />
      </div>

      <div class="row">
        <div class="row-text">
          <label for="language" class="row-label">
            {t('optionsLanguage')}
          </label>
        </div>
        <select
          id="language"
          class="select"
          value={settings.language}
          onChange={(e) => save({ language: (e.currentTarget as HTMLSelectElement).value as Language })}
        >
          <option value="auto">{t('optionsLanguageAuto')}</option>
          {/* Each language is named in itself, so it can be found whatever is showing. */}
          <option value="en" lang="en">
            English
          </option>
          <option value="zh_CN" lang="zh-CN">
            简体中文
          </option>
        </select>
      </div>
    </section>
  );
}
