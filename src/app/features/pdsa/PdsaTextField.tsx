import type { JSX } from 'preact';
import { language } from '../../i18n/i18n';
import { Field } from '../../ui/Field';
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

/** One labelled text box of the worksheet (ui/Field), in her language (dictation, spell check). */
export function PdsaTextField({
  name,
  label,
  value,
  onInput,
  hint,
  error,
  rows = 2,
  maxLength = 2000,
}: Props): JSX.Element {
  return (
    <Field
      id={`f-${name.replace(/\W/g, '-')}`}
      label={label}
      hint={hint ?? null}
      error={error ?? null}
    >
      {(control) => (
        <textarea
          {...control}
          name={name}
          lang={language.value}
          rows={rows}
          maxLength={maxLength}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
