import type { JSX } from 'preact';

/** The attributes a field's control must carry so its label, hint and error are announced. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface Props {
  id: string;
  label: string;
  hint?: string | null;
  error?: string | null;
  children: (control: ControlProps) => JSX.Element;
}

/**
 * A labelled control with its hint and error. The label names only the control (`for`/`id`), so the
 * accessible name is exactly the label's words: hints and errors are descriptions, not part of it.
 */
export function Field({ id, label, hint, error, children }: Props): JSX.Element {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
