import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { MeasureId } from '../../../domain/tables';
import { t } from '../../i18n/i18n';
import { Field } from '../../ui/Field';
import type { PdsaFormValues } from './pdsa-form';
import type { PdsaErrors } from './pdsa-issues';
import { measureOptions } from './pdsa-words';
import { MorePlan } from './MorePlan';
import { PdsaTextField } from './PdsaTextField';

interface Props {
  values: PdsaFormValues;
  onChange: (patch: Partial<PdsaFormValues>) => void;
  errors: PdsaErrors;
}

/** The worksheet fields beyond the few that start a cycle: shown open once one holds something. */
function hasMore(v: PdsaFormValues, errors: PdsaErrors): boolean {
  const filled = [
    v.objective,
    v.plan.who,
    v.plan.when,
    v.plan.where,
    ...v.questions.flatMap((q) => [q.question, q.prediction]),
  ];
  const paths = [
    'purpose',
    'driver',
    'objective',
    'questions',
    'plan.who',
    'plan.when',
    'plan.where',
  ];
  return (
    v.purpose !== null ||
    v.driver !== null ||
    v.startsPhase ||
    filled.some((x) => x.trim() !== '') ||
    Object.keys(errors).some((k) => paths.some((p) => k === p || k.startsWith(`${p}.`)))
  );
}

/**
 * Plan: first the few fields that start a cycle (the idea, what she will try, the dates, the
 * measure), so a phone shows them on one screen; the rest under "More about this plan".
 */
export function PlanPart({ values, onChange, errors }: Props): JSX.Element {
  const [isMoreOpen, setMoreOpen] = useState(() => hasMore(values, errors));
  // A field with an error is never hidden.
  const isOpen = isMoreOpen || (Object.keys(errors).length > 0 && hasMore(values, errors));
  return (
    <div class="part-fields">
      <PdsaTextField
        name="changeIdea"
        label={t('pdsa.changeIdea')}
        hint={t('pdsa.changeIdeaHint')}
        value={values.changeIdea}
        maxLength={200}
        rows={2}
        onInput={(changeIdea) => onChange({ changeIdea })}
        error={errors.changeIdea}
      />
      <PdsaTextField
        name="plan-what"
        label={t('pdsa.plan.what')}
        value={values.plan.what}
        onInput={(what) => onChange({ plan: { ...values.plan, what } })}
        error={errors['plan.what']}
      />
      <p class="notice start-small">{t('pdsa.plan.startSmall')}</p>
      <div class="row">
        <Field id="f-startDate" label={t('pdsa.startDate')} error={errors.startDate ?? null}>
          {(control) => (
            <input
              {...control}
              type="date"
              name="startDate"
              value={values.startDate}
              max="2999-12-31"
              onInput={(e) => onChange({ startDate: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          id="f-endDate"
          label={t('pdsa.endDate')}
          hint={t('pdsa.endDateHint')}
          error={errors.endDate ?? null}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              name="endDate"
              value={values.endDate ?? ''}
              min={values.startDate || undefined}
              max="2999-12-31"
              onInput={(e) => onChange({ endDate: e.currentTarget.value || null })}
            />
          )}
        </Field>
      </div>
      <Field id="f-measure" label={t('pdsa.measure.label')} error={errors.measure ?? null}>
        {(control) => (
          <select
            {...control}
            name="measure"
            value={values.measure ?? ''}
            onChange={(e) =>
              onChange({ measure: (e.currentTarget.value || null) as MeasureId | null })
            }
          >
            <option value="">{t('pdsa.measure.none')}</option>
            {measureOptions().map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <details class="more-plan" open={isOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>{t('pdsa.morePlan')}</summary>
        <MorePlan values={values} onChange={onChange} errors={errors} />
      </details>
    </div>
  );
}
