import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import type { PdsaFormValues } from './pdsa-form';
import type { PdsaErrors } from './pdsa-issues';
import { PdsaTextField } from './PdsaTextField';

interface Props {
  values: PdsaFormValues;
  onChange: (patch: Partial<PdsaFormValues>) => void;
  errors: PdsaErrors;
}

/** Do: was it carried out as planned, what happened, and what surprised her. */
export function DoPart({ values, onChange, errors }: Props): JSX.Element {
  const asPlanned = values.asPlanned === null ? [] : ([values.asPlanned ? 'yes' : 'no'] as const);
  return (
    <div class="part-fields">
      <ChipGroup
        legend={t('pdsa.do.asPlanned')}
        name="asPlanned"
        options={[
          { value: 'yes', label: t('pdsa.do.asPlannedYes') },
          { value: 'no', label: t('pdsa.do.asPlannedNo') },
        ]}
        value={asPlanned}
        onChange={(v) => onChange({ asPlanned: v[0] === undefined ? null : v[0] === 'yes' })}
        error={errors['do.asPlanned'] ?? null}
      />
      <PdsaTextField
        name="whatHappened"
        label={t('pdsa.do.whatHappened')}
        rows={4}
        value={values.whatHappened}
        onInput={(whatHappened) => onChange({ whatHappened })}
        error={errors['do.whatHappened']}
      />
      <PdsaTextField
        name="surprises"
        label={t('pdsa.do.surprises')}
        rows={3}
        value={values.surprises}
        onInput={(surprises) => onChange({ surprises })}
        error={errors['do.surprises']}
      />
    </div>
  );
}
