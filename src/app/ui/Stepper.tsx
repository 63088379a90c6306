import type { ComponentChildren, JSX } from 'preact';
import { t } from '../i18n/i18n';

interface Props {
  id: string;
  label: ComponentChildren;
  value: number | null;
  min: number;
  max: number;
  onChange: (value: number | null) => void;
  hint?: ComponentChildren;
  error?: string | null;
}

/** A number answered with large − and + buttons, or typed; empty means "not answered yet". */
export function Stepper({ id, label, value, min, max, onChange, hint, error }: Props): JSX.Element {
  const clamp = (n: number) => Math.min(max, Math.max(min, n));
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`stepper-field${error ? ' has-error' : ''}`}>
      <label for={id} class="stepper-label">
        {label}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div class="stepper">
        <button
          type="button"
          class="button step"
          aria-label={t('stepper.less')}
          aria-controls={id}
          disabled={value !== null && value <= min}
          onClick={() => onChange(value === null ? min : clamp(value - 1))}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onInput={(e) => {
            const raw = e.currentTarget.value.trim();
            // What she types is kept as typed; the rules say what is wrong with it, next to it.
            onChange(raw === '' ? null : Number(raw));
          }}
        />
        <button
          type="button"
          class="button step"
          aria-label={t('stepper.more')}
          aria-controls={id}
          disabled={value !== null && value >= max}
          onClick={() => onChange(value === null ? min : clamp(value + 1))}
        >
          +
        </button>
      </div>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
