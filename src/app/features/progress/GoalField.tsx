import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { MeasureId } from '../../../domain/tables';
import { GOAL_RANGE, type Settings } from '../../../storage/settings';
import { numberFormat, t } from '../../i18n/i18n';
import { useDb } from '../../db';
import { showToast } from '../../state';
import { saveGoal } from './use-progress';

/** Reads "4,5" or "4.5" (either decimal mark); `null` for an empty field, NaN for anything else. */
export function parseGoal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Her optional goal for one chart, set on its card; empty removes it. */
export function GoalField({
  measure,
  settings,
}: {
  measure: MeasureId;
  settings: Settings;
}): JSX.Element {
  const db = useDb();
  const stored = settings.goals[measure];
  const [text, setText] = useState(
    stored === undefined ? '' : numberFormat({ maximumFractionDigits: 1 }).format(stored),
  );
  const [error, setError] = useState<string | null>(null);
  const range = GOAL_RANGE[measure];
  const id = `goal-${measure}`;

  const onSave = async (event: Event) => {
    event.preventDefault();
    const goal = parseGoal(text);
    if (goal !== null && (Number.isNaN(goal) || goal < range.min || goal > range.max)) {
      setError(t('progress.goal.invalid', { min: range.min, max: range.max }));
      return;
    }
    setError(null);
    const result = await saveGoal(db, settings, measure, goal);
    if (result.ok) showToast('progress.goal.saved');
    else setError(t('progress.goal.invalid', { min: range.min, max: range.max }));
  };

  return (
    <form class="goal-field" style={{ margin: '0.75rem 0' }} onSubmit={(e) => void onSave(e)}>
      <label for={id}>{t('progress.goal.label')}</label>
      <p class="hint" id={`${id}-hint`}>
        {t('progress.goal.hint')}
      </p>
      <div class="goal-row" style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          style={{ width: '6rem' }}
          value={text}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button">
          {t('progress.goal.save')}
        </button>
      </div>
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
