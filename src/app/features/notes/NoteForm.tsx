import type { JSX } from 'preact';
import { t, language } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import { ChildPicker } from './ChildPicker';
import type { NoteField } from './note-issues';
import type { Area, During, NoteFormValues, WithWhom } from './note-form';
import { WhenPicker } from './WhenPicker';

interface Props {
  values: NoteFormValues;
  onChange: (patch: Partial<NoteFormValues>) => void;
  errors: Partial<Record<NoteField, string>>;
}

const AREA_KEYS = {
  'social-emotional': 'area.socialEmotional',
  language: 'area.language',
  cognition: 'area.cognition',
  'motor-physical': 'area.motorPhysical',
  'approaches-to-learning': 'area.approaches',
} as const;
const DURING_KEYS = {
  play: 'during.play',
  meal: 'during.meal',
  diapering: 'during.diapering',
  nap: 'during.nap',
  outside: 'during.outside',
  'arrival-pickup': 'during.arrivalPickup',
} as const;
const WITH_KEYS = {
  alone: 'with.alone',
  older: 'with.older',
  younger: 'with.younger',
  'same-age': 'with.sameAge',
  provider: 'with.provider',
} as const;

function options<K extends string>(keys: Record<K, Parameters<typeof t>[0]>) {
  return (Object.keys(keys) as K[]).map((value) => ({ value, label: t(keys[value]) }));
}

/** The fields of a note: two required ones first, then the one-tap optional ones. */
export function NoteForm({ values, onChange, errors }: Props): JSX.Element {
  const lang = language.value;
  return (
    <div class="note-fields">
      <ChildPicker value={values.childIds} onChange={(childIds) => onChange({ childIds })} error={errors.childIds ?? null} />
      <label class="field">
        <span>{t('note.text')}</span>
        <textarea
          name="text"
          lang={lang}
          rows={5}
          maxLength={4000}
          value={values.text}
          onInput={(e) => onChange({ text: e.currentTarget.value })}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? 'text-error' : undefined}
        />
        {values.text.length > 3500 && <span class="hint">{t('note.charsLeft', { count: 4000 - values.text.length })}</span>}
        {errors.text && (
          <span class="field-error" id="text-error">
            {errors.text}
          </span>
        )}
      </label>
      <h2 class="subtle-heading">{t('note.optional')}</h2>
      <WhenPicker
        when={values.when}
        customWhen={values.customWhen}
        keptObservedAt={values.keptObservedAt}
        onChange={(when, customWhen) => onChange({ when, customWhen })}
        error={errors.observedAt ?? null}
      />
      <ChipGroup
        legend={t('area.legend')}
        name="area"
        options={options<Area>(AREA_KEYS)}
        value={values.area ? [values.area] : []}
        onChange={(v) => onChange({ area: v[0] ?? null })}
      />
      <ChipGroup
        legend={t('during.legend')}
        name="during"
        options={options<During>(DURING_KEYS)}
        value={values.during ? [values.during] : []}
        onChange={(v) => onChange({ during: v[0] ?? null })}
      />
      <ChipGroup
        legend={t('with.legend')}
        name="with"
        isMultiple
        options={options<WithWhom>(WITH_KEYS)}
        value={values.with}
        onChange={(v) => onChange({ with: v })}
      />
      <label class="field">
        <span>{t('note.nextStep')}</span>
        <textarea
          name="nextStep"
          lang={lang}
          rows={2}
          maxLength={500}
          value={values.nextStep}
          onInput={(e) => onChange({ nextStep: e.currentTarget.value })}
          aria-invalid={errors.nextStep ? true : undefined}
        />
        <span class="hint">{t('note.nextStepHint')}</span>
        {errors.nextStep && <span class="field-error">{errors.nextStep}</span>}
      </label>
    </div>
  );
}
