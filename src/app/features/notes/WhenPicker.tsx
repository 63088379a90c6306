import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { toCalendarDate } from '../../../domain/dates';
import {
  isInFuture,
  isWhenChoiceOffered,
  toDateTimeLocalValue,
  type WhenChoice,
} from '../../../domain/observed-at';
import type { ObservationData } from '../../../domain/records';
import { t } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import { Field } from '../../ui/Field';
import { capitalized, noteWhen } from './note-when';

interface Props {
  when: WhenChoice | 'keep';
  customWhen: string;
  keptObservedAt: string | null;
  keptApprox?: ObservationData['observedAtApprox'];
  onChange: (when: WhenChoice | 'keep', customWhen: string) => void;
  error?: string | null;
}

const LABELS = {
  now: 'when.now',
  morning: 'when.morning',
  'after-lunch': 'when.afterLunch',
  'earlier-today': 'when.earlierToday',
  custom: 'when.custom',
} as const;

/**
 * "When it happened": one tap to back-date, or a date and time she picks. A choice is offered
 * only once its time has come today, and a picked time may not be later than now (DESIGN.md 2).
 */
export function WhenPicker(props: Props): JSX.Element {
  const { when, customWhen, keptObservedAt, keptApprox, onChange, error } = props;
  const now = new Date();
  const isStale = when !== 'keep' && !isWhenChoiceOffered(when, now);
  // A draft from yesterday afternoon may hold "after lunch" at 08:00: go back to "just now".
  useEffect(() => {
    if (isStale) onChange('now', customWhen);
  }, [isStale]);
  const kept = keptObservedAt
    ? noteWhen(keptObservedAt, keptApprox ?? null, toCalendarDate(now))
    : '';
  const options = [
    ...(keptObservedAt ? [{ value: 'keep' as const, label: capitalized(kept) }] : []),
    ...(Object.keys(LABELS) as WhenChoice[])
      .filter((c) => isWhenChoiceOffered(c, now))
      .map((value) => ({ value, label: t(LABELS[value]) })),
  ];
  const futureError = when === 'custom' && isInFuture(customWhen, now) ? t('when.future') : null;
  return (
    <div>
      <ChipGroup
        legend={t('when.legend')}
        name="when"
        options={options}
        value={[isStale ? 'now' : when]}
        // Clearing the choice goes back to "just now", the default.
        onChange={(v) => onChange(v[0] ?? (keptObservedAt ? 'keep' : 'now'), customWhen)}
        error={when === 'custom' ? null : (error ?? null)}
      />
      {when === 'custom' && (
        <Field id="note-when" label={t('when.dateTime')} error={futureError ?? error ?? null}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={customWhen}
              max={toDateTimeLocalValue(now)}
              onInput={(e) => onChange('custom', e.currentTarget.value)}
            />
          )}
        </Field>
      )}
    </div>
  );
}
