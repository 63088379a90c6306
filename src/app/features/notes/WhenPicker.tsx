import type { JSX } from 'preact';
import type { WhenChoice } from '../../../domain/observed-at';
import { noteTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import { Field } from '../../ui/Field';

interface Props {
  when: WhenChoice | 'keep';
  customWhen: string;
  keptObservedAt: string | null;
  onChange: (when: WhenChoice | 'keep', customWhen: string) => void;
  error?: string | null;
}

/** "When it happened": one tap to back-date, or a date and time she picks. */
export function WhenPicker({
  when,
  customWhen,
  keptObservedAt,
  onChange,
  error,
}: Props): JSX.Element {
  const options = [
    ...(keptObservedAt ? [{ value: 'keep' as const, label: noteTime(keptObservedAt) }] : []),
    { value: 'now' as const, label: t('when.now') },
    { value: 'morning' as const, label: t('when.morning') },
    { value: 'after-lunch' as const, label: t('when.afterLunch') },
    { value: 'earlier-today' as const, label: t('when.earlierToday') },
    { value: 'custom' as const, label: t('when.custom') },
  ];
  return (
    <div>
      <ChipGroup
        legend={t('when.legend')}
        name="when"
        options={options}
        value={[when]}
        // Clearing the choice goes back to "just now", the default.
        onChange={(v) => onChange(v[0] ?? (keptObservedAt ? 'keep' : 'now'), customWhen)}
        error={when === 'custom' ? null : (error ?? null)}
      />
      {when === 'custom' && (
        <Field id="note-when" label={t('when.dateTime')} error={error ?? null}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={customWhen}
              max="2999-12-31T23:59"
              onInput={(e) => onChange('custom', e.currentTarget.value)}
            />
          )}
        </Field>
      )}
    </div>
  );
}
