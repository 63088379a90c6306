import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { emptyQuestion, MAX_QUESTIONS, type QuestionValues } from './pdsa-form';
import type { PdsaErrors } from './pdsa-issues';
import { PdsaTextField } from './PdsaTextField';

interface Props {
  questions: QuestionValues[];
  onChange: (questions: QuestionValues[]) => void;
  errors: PdsaErrors;
}

/** Plan's questions, each with her prediction: add and remove rows, at most 10. */
export function QuestionsField({ questions, onChange, errors }: Props): JSX.Element {
  const set = (i: number, patch: Partial<QuestionValues>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const add = () => {
    onChange([...questions, emptyQuestion()]);
    // Take her to the new question.
    requestAnimationFrame(() =>
      document.getElementById(`f-questions-${questions.length}-question`)?.focus(),
    );
  };
  const remove = (i: number) =>
    onChange(questions.length === 1 ? [emptyQuestion()] : questions.filter((_, j) => j !== i));
  const isFull = questions.length >= MAX_QUESTIONS;
  return (
    <fieldset class="pdsa-questions">
      <legend>{t('pdsa.questions.legend')}</legend>
      <p class="hint">{t('pdsa.questions.hint')}</p>
      {errors.questions && <p class="field-error">{errors.questions}</p>}
      <ol class="question-list">
        {questions.map((q, i) => {
          const n = i + 1;
          return (
            <li key={i} class="question-row">
              <PdsaTextField
                name={`questions-${i}-question`}
                label={t('pdsa.questions.question', { n })}
                value={q.question}
                onInput={(question) => set(i, { question })}
                error={errors[`questions.${i}.question`]}
              />
              <PdsaTextField
                name={`questions-${i}-prediction`}
                label={t('pdsa.questions.prediction', { n })}
                value={q.prediction}
                onInput={(prediction) => set(i, { prediction })}
                error={errors[`questions.${i}.prediction`]}
              />
              {(questions.length > 1 || q.question || q.prediction) && (
                <button type="button" class="button quiet small" onClick={() => remove(i)}>
                  {t('pdsa.questions.remove', { n })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {isFull ? (
        <p class="hint">{t('pdsa.questions.max')}</p>
      ) : (
        <button type="button" class="button small" onClick={add}>
          {t('pdsa.questions.add')}
        </button>
      )}
    </fieldset>
  );
}
