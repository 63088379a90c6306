import type { JSX } from 'preact';
import type { RuleSet } from '../../../domain/run-chart';
import { CHART_RULES } from '../../../storage/settings';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { saveChartRules, useChartSettings } from './use-chart-settings';
import { useDb } from '../../db';
import { useState } from 'preact/hooks';
import { settingProblem } from '../../ui/storage-words';

const WORDS: Record<RuleSet, [MessageKey, MessageKey]> = {
  ihi: ['progress.settings.ihi', 'progress.settings.ihiHint'],
  anhoej: ['progress.settings.anhoej', 'progress.settings.anhoejHint'],
};

/** The rule set that reads her charts, each with a one-line plain explanation (for Settings). */
export function ChartSettings(): JSX.Element {
  const db = useDb();
  const settings = useChartSettings();
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const choose = async (rules: RuleSet) =>
    setProblem(settingProblem(await saveChartRules(db, rules)));
  return (
    <section class="card" aria-labelledby="settings-charts">
      <h2 id="settings-charts">{t('progress.settings.title')}</h2>
      <fieldset class="rule-choice">
        <legend>{t('progress.settings.rules')}</legend>
        {CHART_RULES.map((rules) => (
          <div key={rules} class="rule-option">
            <label class="check">
              <input
                type="radio"
                name="chart-rules"
                value={rules}
                checked={settings?.chartRules === rules}
                disabled={!settings}
                aria-describedby={`rules-${rules}-hint`}
                onChange={() => void choose(rules)}
              />
              <span>{t(WORDS[rules][0])}</span>
            </label>
            <p class="hint" id={`rules-${rules}-hint`}>
              {t(WORDS[rules][1])}
            </p>
          </div>
        ))}
      </fieldset>
      {problem && (
        <p class="form-alert" role="alert">
          {t(problem)}
        </p>
      )}
    </section>
  );
}
