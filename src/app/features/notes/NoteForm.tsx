import type { JSX } from 'preact';
import { t, language } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import { Field } from '../../ui/Field';
import { ChildPicker } from './ChildPicker';
import type { NoteField } from './note-issues';
import type { Area, During, NoteFormValues, WithWhom } from './note-form';
import { AREA_KEYS, DURING_KEYS, WITH_KEYS } from './note-labels';
import { WhenPicker } from './WhenPicker';

interface Props {
  values: NoteFormValues;
  onChange: (patch: Partial<NoteFormValues>) => void;
  errors: Partial<Record<NoteField, string>>;
}

function options<K extends string>(keys: Record<K, Parameters<typeof t>[0]>) {
  return (Object.keys(keys) as K[]).map((value) => ({ value, label: t(keys[value]) }));
}

/** The fields of a note: two required ones first, then the one-tap optional ones. */
export function NoteForm({ values, onChange, errors }: Props): JSX.Element {
  const lang = language.value;
  return (
    <div class="note-fields">
      <ChildPicker
        value={values.childIds}
        onChange={(childIds) => onChange({ childIds })}
        error={errors.childIds ?? null}
      />
      <Field
        id="note-text"
        label={t('note.text')}
        hint={
          values.text.length > 3500
            ? t('note.charsLeft', { count: 4000 - values.text.length })
            : null
        }
        error={errors.text ?? null}
      >
        {(control) => (
          <textarea
            {...control}
            name="text"
            lang={lang}
            rows={5}
            maxLength={4000}
            value={values.text}
            onInput={(e) => onChange({ text: e.currentTarget.value })}
          />
        )}
      </Field>
      <h2 class="subtle-heading">{t('note.optional')}</h2>
      <WhenPicker
        when={values.when}
        customWhen={values.customWhen}
        keptObservedAt={values.keptObservedAt}
        keptApprox={
          (values.keptApprox as 'morning' | 'after-lunch' | 'earlier-today' | null) ?? null
        }
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
      <Field
        id="note-next-step"
        label={t('note.nextStep')}
        hint={t('note.nextStepHint')}
        error={errors.nextStep ?? null}
      >
        {(control) => (
          <textarea
            {...control}
            name="nextStep"
            lang={lang}
            rows={2}
            maxLength={500}
            value={values.nextStep}
            onInput={(e) => onChange({ nextStep: e.currentTarget.value })}
          />
        )}
      </Field>
    </div>
  );
}
