import type { JSX } from 'preact';
import type { MeasureId } from '../../../domain/tables';
import { t } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import { Field } from '../../ui/Field';
import type { PdsaFormValues } from './pdsa-form';
import type { PdsaErrors } from './pdsa-issues';
import { driverOptions, measureOptions, purposeOptions } from './pdsa-words';
import { PdsaTextField } from './PdsaTextField';
import { QuestionsField } from './QuestionsField';

interface Props {
  values: PdsaFormValues;
  onChange: (patch: Partial<PdsaFormValues>) => void;
  errors: PdsaErrors;
}

const PLAN_FIELDS = ['what', 'who', 'when', 'where'] as const;

/** Plan: the change idea, what the cycle will do, the driver, objective, questions with predictions, the plan, the measure and the start. */
export function PlanPart({ values, onChange, errors }: Props): JSX.Element {
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
      <ChipGroup
        legend={t('pdsa.purpose.legend')}
        name="purpose"
        options={purposeOptions()}
        value={values.purpose ? [values.purpose] : []}
        onChange={(v) => onChange({ purpose: v[0] ?? null })}
        error={errors.purpose ?? null}
      />
      <ChipGroup
        legend={t('pdsa.driver.legend')}
        name="driver"
        options={driverOptions()}
        value={values.driver ? [values.driver] : []}
        onChange={(v) => onChange({ driver: v[0] ?? null })}
        error={errors.driver ?? null}
      />
      <PdsaTextField
        name="objective"
        label={t('pdsa.objective')}
        hint={t('pdsa.objectiveHint')}
        value={values.objective}
        onInput={(objective) => onChange({ objective })}
        error={errors.objective}
      />
      <QuestionsField questions={values.questions} onChange={(questions) => onChange({ questions })} errors={errors} />
      <fieldset class="pdsa-plan">
        <legend>{t('pdsa.plan.legend')}</legend>
        <p class="notice start-small">{t('pdsa.plan.startSmall')}</p>
        {PLAN_FIELDS.map((f) => (
          <PdsaTextField
            key={f}
            name={`plan-${f}`}
            label={t(`pdsa.plan.${f}`)}
            value={values.plan[f]}
            onInput={(v) => onChange({ plan: { ...values.plan, [f]: v } })}
            error={errors[`plan.${f}`]}
          />
        ))}
      </fieldset>
      <Field id="f-measure" label={t('pdsa.measure.label')} error={errors.measure ?? null}>
        {(control) => (
          <select
            {...control}
            name="measure"
            value={values.measure ?? ''}
            onChange={(e) => onChange({ measure: (e.currentTarget.value || null) as MeasureId | null })}
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
      <label class="check">
        <input
          type="checkbox"
          name="startsPhase"
          aria-describedby="startsPhase-hint"
          checked={values.startsPhase} onChange={(e) => onChange({ startsPhase: e.currentTarget.checked })} />
        <span>{t('pdsa.startsPhase')}</span>
      </label>
      <p class="hint" id="startsPhase-hint">
        {t('pdsa.startsPhaseHint')}
      </p>
    </div>
  );
}
