/** Add or edit one custom signature: its file name and the Markdown + YAML front matter. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { toCustomName } from '../platform/custom-import';
import type { CustomFile } from '../platform/custom-signatures';
import { t } from './i18n';

export interface Draft {
  mode: 'add' | 'edit';
  /** Stored name (`custom/x.md`) when editing; empty when adding. */
  name: string;
  text: string;
}

/** A starting point in the knowledge format; it fails validation until filled in, on purpose. */
export const SIGNATURE_TEMPLATE = `---
title: "The error text, as people paste it"
summary: What the error means, in one sentence.
tools: [node]
category: runtime
match:
  - "the error text, with {name} or {path} where it varies"
examples:
  - "a real paste that must match"
  - "another real paste that must match"
counterexamples:
  - "a near miss that must not match"
causes:
  - id: first-cause
    title: What went wrong
    likelihood: common
    mechanism: Why it happens, in one to three sentences.
    fix:
      - "A concrete step: a command, a setting and its value."
    verify: How to tell that it is fixed.
    sources:
      - https://example.com/the-page-you-read
---
`;

export function SignatureEditor(props: { draft: Draft; onSave: (file: CustomFile) => Promise<void>; onCancel: () => void }) {
  const { draft } = props;
  const [base, setBase] = useState(draft.name.replace(/^.*\//, '').replace(/\.md$/, ''));
  const [text, setText] = useState(draft.mode === 'add' ? SIGNATURE_TEMPLATE : draft.text);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    try {
      await props.onSave({ name: draft.mode === 'edit' ? draft.name : toCustomName(base.trim()), text });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      class="editor"
      aria-labelledby="editor-heading"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <h3 id="editor-heading" class="subheading">
        {draft.mode === 'add' ? t('optionsEditorAddHeading') : t('optionsEditorEditHeading', draft.name)}
      </h3>
      {draft.mode === 'add' && (
        <div class="field">
          <label for="signature-name">{t('optionsEditorName')}</label>
          <div class="name-input">
            <span class="mono muted" aria-hidden="true">custom/</span>
            <input
              id="signature-name"
              ref={first}
              class="text mono"
              type="text"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              value={base}
              aria-describedby="signature-name-desc"
              onInput={(e) => setBase((e.currentTarget as HTMLInputElement).value)}
            />
            <span class="mono muted" aria-hidden="true">.md</span>
          </div>
          <div id="signature-name-desc" class="row-desc">
            {t('optionsEditorNameDesc')}
          </div>
        </div>
      )}
      <div class="field">
        <label for="signature-text">{t('optionsEditorText')}</label>
        <textarea
          id="signature-text"
          ref={draft.mode === 'edit' ? first : undefined}
          class="code"
          rows={22}
          spellcheck={false}
          value={text}
          aria-describedby="signature-text-desc"
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div id="signature-text-desc" class="row-desc">
          {t('optionsEditorTextDesc')}
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="button primary" disabled={saving}>
          {t('optionsEditorSave')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('optionsEditorCancel')}
        </button>
      </div>
    </form>
  );
}
