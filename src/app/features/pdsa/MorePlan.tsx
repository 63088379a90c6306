import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import type { PdsaFormValues } from './pdsa-form';
import type { PdsaErrors } from './pdsa-issues';
import { driverOptions, purposeOptions } from './pdsa-words';
import { PdsaTextField } from './PdsaTextField';
import { QuestionsField } from './QuestionsField';

interface Props {
  values: PdsaFormValues;
  onChange: (patch: Partial<PdsaFormValues>) => void;
  errors: PdsaErrors;
}

const PLAN_FIELDS = ['who', 'when', 'where'] as const;

/** "More about this plan": purpose, driver, objective, questions with predictions, who/when/where, a new phase. */
export function MorePlan({ values, onChange, errors }: Props): JSX.Element {
  return (
    <div class="part-fields">
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
      <QuestionsField
        questions={values.questions}
        onChange={(questions) => onChange({ questions })}
        errors={errors}
      />
      <fieldset class="pdsa-plan">
        <legend>{t('pdsa.plan.legend')}</legend>
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
      <label class="check">
        <input
          type="checkbox"
          name="startsPhase"
          aria-describedby="startsPhase-hint"
          checked={values.startsPhase}
          onChange={(e) => onChange({ startsPhase: e.currentTarget.checked })}
        />
        <span>{t('pdsa.startsPhase')}</span>
      </label>
      <p class="hint" id="startsPhase-hint">
        {t('pdsa.startsPhaseHint')}
      </p>
    </div>
  );
}
