/**
 * Backup and reset: export settings and custom signatures as one JSON file, import
 * such a file (all or nothing), and reset the settings to their defaults after an
 * in-page confirmation (window.confirm is blocking and cannot be styled or localized).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { exportBackup, importBackup, type BackupError } from '../platform/custom-backup';
import type { CustomSignatures } from '../platform/custom-signatures';
import { releaseUnusedOptionalHosts } from '../platform/permissions';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '../platform/settings';
import type { SiteAdapter } from '../sites/types';
import { t } from './i18n';
import { downloadText, FilePicker } from './options-download';
import { ProblemList } from './options-problems';

export const BACKUP_FILE_NAME = 'faultline-settings.json';

function describeBackupError(error: BackupError): { heading: string; problems: string[] } {
  const heading = t('optionsBackupRefused');
  switch (error.kind) {
    case 'json':
      return { heading, problems: [t('optionsBackupErrorJson', error.detail)] };
    case 'format':
      return { heading, problems: [t('optionsBackupErrorFormat')] };
    case 'version':
      return { heading, problems: [t('optionsBackupErrorVersion', String(error.version))] };
    case 'field':
      return { heading, problems: [t('optionsBackupErrorField', error.field)] };
    case 'signatures':
      return { heading: t('optionsBackupErrorSignatures'), problems: error.problems };
    case 'storage':
      return { heading: t('optionsSaveFailed'), problems: [error.detail] };
  }
}

export function BackupSection(props: {
  adapters: readonly SiteAdapter[];
  bundledIds: ReadonlySet<string>;
  /** Only the sections the backup held; the others were left as they were. */
  onImported: (settings: Settings | undefined, custom: CustomSignatures | undefined) => void;
  onReset: (settings: Settings) => void;
}) {
  const [status, setStatus] = useState('');
  const [refused, setRefused] = useState<{ heading: string; problems: string[] } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // The safe choice takes focus when the question appears.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const clear = () => {
    setStatus('');
    setRefused(null);
  };

  const exportAll = async () => {
    clear();
    downloadText(BACKUP_FILE_NAME, await exportBackup(), 'application/json');
  };

  const importFile = async (file: File) => {
    clear();
    const check = await importBackup(await file.text(), props.bundledIds);
    if (!check.ok) {
      setRefused(describeBackupError(check.error));
      return;
    }
    props.onImported(check.settings, check.custom);
    setStatus(t('optionsBackupImported'));
    await releaseUnusedOptionalHosts(props.adapters).catch(() => undefined);
  };

  const cancelReset = () => {
    setConfirming(false);
    // Back to where the person was: the reset button reappears in place of the panel.
    requestAnimationFrame(() => resetButton.current?.focus());
  };

  const reset = async () => {
    clear();
    setConfirming(false);
    await settingsItem.setValue(DEFAULT_SETTINGS);
    props.onReset(DEFAULT_SETTINGS);
    setStatus(t('optionsResetDone'));
    await releaseUnusedOptionalHosts(props.adapters).catch(() => undefined);
    requestAnimationFrame(() => resetButton.current?.focus());
  };

  return (
    <section id="backup" class="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('optionsBackupHeading')}</h2>
      <p class="section-desc">{t('optionsBackupIntro')}</p>
      <div class="row actions">
        <button type="button" class="button" onClick={() => void exportAll()}>
          {t('optionsBackupExport')}
        </button>
        <FilePicker id="import-backup" label={t('optionsBackupImport')} accept=".json,application/json" onFiles={([file]) => void importFile(file)} />
      </div>

      <h3 class="subheading">{t('optionsResetHeading')}</h3>
      {confirming ? (
        <div
          class="confirm"
          role="group"
          aria-labelledby="reset-question"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancelReset();
          }}
        >
          <p id="reset-question">{t('optionsResetQuestion')}</p>
          <div class="actions">
            <button type="button" class="button danger-fill" onClick={() => void reset()}>
              {t('optionsResetConfirm')}
            </button>
            <button type="button" class="button" ref={cancelButton} onClick={cancelReset}>
              {t('optionsResetCancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="row">
          <div class="row-text">
            <div class="row-desc">{t('optionsResetDesc')}</div>
          </div>
          <button type="button" class="button" ref={resetButton} onClick={() => { clear(); setConfirming(true); }}>
            {t('optionsReset')}
          </button>
        </div>
      )}

      <div role="status" class="status">
        {status}
      </div>
      {refused && <ProblemList heading={refused.heading} problems={refused.problems} />}
    </section>
  );
}
