import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import type { PdsaFormValues } from './pdsa-form';
import type { PdsaErrors } from './pdsa-issues';
import { PdsaTextField } from './PdsaTextField';

interface Props {
  values: PdsaFormValues;
  onChange: (patch: Partial<PdsaFormValues>) => void;
  errors: PdsaErrors;
}

/** Study: each question's prediction next to what really happened, then what she learned. */
export function StudyPart({ values, onChange, errors }: Props): JSX.Element {
  const asked = values.questions
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => q.question.trim() || q.prediction.trim() || q.result.trim());
  const setResult = (i: number, result: string) =>
    onChange({ questions: values.questions.map((q, j) => (j === i ? { ...q, result } : q)) });
  return (
    <div class="part-fields">
      {asked.length === 0 && <p class="hint">{t('pdsa.study.noQuestions')}</p>}
      {asked.map(({ q, i }) => (
        <div class="study-question" key={i}>
          <p class="study-asked">
            <span class="study-n">{t('pdsa.questions.question', { n: i + 1 })}:</span> {q.question}
          </p>
          <p class="study-prediction">
            <span class="study-label">{t('pdsa.study.predicted')}</span>{' '}
            {q.prediction.trim() || t('pdsa.study.noPrediction')}
          </p>
          <PdsaTextField
            name={`questions-${i}-result`}
            label={t('pdsa.study.result', { n: i + 1 })}
            value={q.result}
            onInput={(result) => setResult(i, result)}
            error={errors[`questions.${i}.result`]}
          />
        </div>
      ))}
      <PdsaTextField
        name="learned"
        label={t('pdsa.study.learned')}
        rows={4}
        value={values.learned}
        onInput={(learned) => onChange({ learned })}
        error={errors.learned}
      />
    </div>
  );
}
