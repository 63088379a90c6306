import type { JSX } from 'preact';
import { language } from '../../i18n/i18n';

interface Props {
  /** A unique name: it also makes the ids of the hint and the error. */
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | null;
  rows?: number;
  maxLength?: number;
}

/** One labelled text box of the worksheet, in her language (dictation, spell check), its hint and its error beside it. */
export function PdsaTextField({ name, label, value, onInput, hint, error, rows = 2, maxLength = 2000 }: Props): JSX.Element {
  const id = `f-${name.replace(/\W/g, '-')}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <textarea
        id={id}
        name={name}
        lang={language.value}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
