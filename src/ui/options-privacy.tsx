/** Privacy: what Faultline does and does not do with data. */
import { t } from './i18n';

export function PrivacySection() {
  return (
    <section id="privacy" class="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('optionsPrivacyHeading')}</h2>
      <ul class="prose-list">
        <li>{t('optionsPrivacyNetwork')}</li>
        <li>{t('optionsPrivacyCollect')}</li>
        <li>{t('optionsPrivacyStorage')}</li>
      </ul>
    </section>
  );
}
