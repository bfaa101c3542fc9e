/** Saves text as a file through a temporary object URL: no network, no downloads permission. */

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the save.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file picker styled as a button; the native input stays focusable and labelled. */
export function FilePicker(props: {
  id: string;
  label: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <label class="button file-picker" for={props.id}>
      <input
        id={props.id}
        class="visually-hidden"
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const files = [...(input.files ?? [])];
          // Cleared so picking the same file again (after fixing it) fires change again.
          input.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
      {props.label}
    </label>
  );
}
