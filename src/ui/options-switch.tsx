/** An on/off switch: a native checkbox with the switch role, so it is labelled, focusable and toggled by Space. */
import type { ComponentChildren } from 'preact';

export function Switch(props: {
  id: string;
  checked: boolean;
  disabled?: boolean;
  label: ComponentChildren;
  description?: ComponentChildren;
  onChange: (checked: boolean) => void;
}) {
  const describedBy = props.description ? `${props.id}-desc` : undefined;
  return (
    <div class="row">
      <div class="row-text">
        <label for={props.id} class="row-label">
          {props.label}
        </label>
        {props.description && (
          <div id={describedBy} class="row-desc">
            {props.description}
          </div>
        )}
      </div>
      <input
        id={props.id}
        class="switch"
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={describedBy}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
    </div>
  );
}
