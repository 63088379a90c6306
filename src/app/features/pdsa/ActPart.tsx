import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import type { PdsaFormValues } from './pdsa-form';
import type { PdsaErrors } from './pdsa-issues';
import { actOptions } from './pdsa-words';
import { PdsaTextField } from './PdsaTextField';

interface Props {
  values: PdsaFormValues;
  onChange: (patch: Partial<PdsaFormValues>) => void;
  errors: PdsaErrors;
}

/** Act: adopt, adapt or abandon, and the next step (the next cycle's objective). */
export function ActPart({ values, onChange, errors }: Props): JSX.Element {
  return (
    <div class="part-fields">
      <ChipGroup
        legend={t('pdsa.act.legend')}
        name="act"
        options={actOptions()}
        value={values.act ? [values.act] : []}
        onChange={(v) => onChange({ act: v[0] ?? null })}
        error={errors.act ?? null}
      />
      <PdsaTextField
        name="nextStep"
        label={t('pdsa.act.nextStep')}
        hint={t('pdsa.act.nextStepHint')}
        rows={3}
        value={values.nextStep}
        onInput={(nextStep) => onChange({ nextStep })}
        error={errors.nextStep}
      />
    </div>
  );
}
