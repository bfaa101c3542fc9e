/**
 * Custom signatures: list, add, edit, delete, import `.md` files, export one file.
 * Files are in the knowledge format (knowledge/README.md) and checked by the same
 * validator; each one exported is exactly the text that was imported or saved, so it
 * imports again unchanged (and can be proposed for the bundled knowledge base as is).
 * Moving the whole set at once is the backup's job (options-backup.tsx).
 */
import { useState } from 'preact/hooks';
import { customIdOf, toCustomName, type CustomCheck } from '../platform/custom-import';
import type { CustomFile, CustomSignatures } from '../platform/custom-signatures';
import { deleteCustomFile, putCustomFiles } from '../platform/custom-store';
import { localized, t } from './i18n';
import { downloadText, FilePicker } from './options-download';
import { ProblemList } from './options-problems';
import { SignatureEditor, type Draft } from './options-signature-editor';

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; heading: string; problems: string[] } | null;

export function SignaturesSection(props: {
  custom: CustomSignatures;
  bundledIds: ReadonlySet<string>;
  onCustom: (c: CustomSignatures) => void;
}) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const entriesById = new Map(props.custom.entries.map((e) => [e.id, e]));

  /** Shows the result of a change; returns whether it was saved. */
  const settle = (check: CustomCheck, success: string, failure: string): boolean => {
    if (check.ok) {
      props.onCustom(check.value);
      setOutcome({ kind: 'ok', text: success });
    } else {
      setOutcome({ kind: 'error', heading: failure, problems: check.problems });
    }
    return check.ok;
  };

  const importFiles = async (files: File[]) => {
    setOutcome(null);
    const incoming: CustomFile[] = await Promise.all(files.map(async (f) => ({ name: toCustomName(f.name), text: await f.text() })));
    const check = await putCustomFiles(incoming, props.bundledIds);
    settle(check, t('optionsSignaturesImported', incoming.length), t('optionsSignaturesImportRefused'));
  };

  const saveDraft = async (file: CustomFile) => {
    const check = await putCustomFiles([file], props.bundledIds);
    if (settle(check, t('optionsSignaturesSaved', customIdOf(file.name)), t('optionsSignaturesSaveRefused'))) setDraft(null);
  };

  const remove = async (name: string) => {
    setDraft(null);
    const check = await deleteCustomFile(name, props.bundledIds);
    settle(check, t('optionsSignaturesDeleted', customIdOf(name)), t('optionsSignaturesDeleteRefused'));
  };

  return (
    <section id="signatures" class="card" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">{t('optionsSignaturesHeading')}</h2>
      <p class="section-desc">{t('optionsSignaturesIntro')}</p>

      {props.custom.files.length === 0 ? (
        <p class="row muted">{t('optionsSignaturesNone')}</p>
      ) : (
        <ul class="plain-list" aria-label={t('optionsSignaturesListLabel')}>
          {props.custom.files.map((file) => {
            const id = customIdOf(file.name);
            const entry = entriesById.get(id);
            const title = entry ? localized(entry) : id;
            return (
              <li key={file.name} class="row signature-row">
                <div class="row-text">
                  <div class="row-label">{title}</div>
                  <div class="row-desc mono">{id}</div>
                </div>
                <div class="actions">
                  <button type="button" class="button" aria-label={t('optionsSignaturesEditLabel', title)} onClick={() => {
                    setOutcome(null);
                    setDraft({ mode: 'edit', name: file.name, text: file.text });
                  }}>
                    {t('optionsSignaturesEdit')}
                  </button>
                  <button type="button" class="button" aria-label={t('optionsSignaturesExportLabel', title)} onClick={() => downloadText(file.name.split('/').pop() ?? file.name, file.text, 'text/markdown')}>
                    {t('optionsSignaturesExport')}
                  </button>
                  <button type="button" class="button danger" aria-label={t('optionsSignaturesDeleteLabel', title)} onClick={() => void remove(file.name)}>
                    {t('optionsSignaturesDelete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {draft ? (
        <SignatureEditor draft={draft} onSave={saveDraft} onCancel={() => setDraft(null)} />
      ) : (
        <div class="row actions">
          <button type="button" class="button primary" onClick={() => {
            setOutcome(null);
            setDraft({ mode: 'add', name: '', text: '' });
          }}>
            {t('optionsSignaturesAdd')}
          </button>
          <FilePicker id="import-signatures" label={t('optionsSignaturesImport')} accept=".md,text/markdown" multiple onFiles={(files) => void importFiles(files)} />
        </div>
      )}

      <div role="status" class="status">
        {outcome?.kind === 'ok' && outcome.text}
      </div>
      {outcome?.kind === 'error' && <ProblemList heading={outcome.heading} problems={outcome.problems} />}
    </section>
  );
}
