import type { JSX } from 'preact';

export interface ChipOption<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  legend: string;
  name: string;
  options: readonly ChipOption<V>[];
  /** Selected values; a single-choice group holds at most one. */
  value: readonly V[];
  onChange: (value: V[]) => void;
  isMultiple?: boolean;
  hint?: string;
  error?: string | null;
}

/**
 * One-tap choices as large chips: real checkboxes (several) or radios (one) underneath, so they
 * work from the keyboard and with screen readers, and their checked state is the real one. Tapping
 * a chosen radio again clears it: every optional field can be left empty.
 */
export function ChipGroup<V extends string>(props: Props<V>): JSX.Element {
  const { legend, name, options, value, onChange, isMultiple = false, hint, error } = props;
  const describedBy =
    [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const toggle = (v: V) => {
    if (isMultiple) onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
    else onChange(value.includes(v) ? [] : [v]);
  };
  return (
    <fieldset class={`chips${error ? ' has-error' : ''}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <div class="chip-row">
        {options.map((o) => (
          <label key={o.value} class={`chip${value.includes(o.value) ? ' is-on' : ''}`}>
            <input
              type={isMultiple ? 'checkbox' : 'radio'}
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={() => toggle(o.value)}
              onClick={() => {
                // A checked radio fires no change when clicked again: that click clears the choice.
                if (!isMultiple && value.includes(o.value)) onChange([]);
              }}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
