import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { saveSettings } from '../../../storage/settings';
import { useDb } from '../../db';
import type { MessageKey } from '../../i18n/en';
import { Field } from '../../ui/Field';
import { settingProblem } from '../../ui/storage-words';
import { ChartSettings } from '../progress/ChartSettings';
import { DataSettings } from '../data/DataSettings';
import { ConnectionCard } from '../connect/ConnectionCard';
import { language, LANGUAGES, setLanguage, t, type Language } from '../../i18n/i18n';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** Her settings: language, her data, and (under Advanced) how her charts are read. */
export function SettingsPage(): JSX.Element {
  const db = useDb();
  const [problem, setProblem] = useState<MessageKey | null>(null);
  // "Save a copy now" on Home links to the export card.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (id)
      requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView({ block: 'start' }));
  }, []);
  const choose = async (lang: Language) => {
    // The words change either way; she is told when the choice will not be remembered.
    const result = await saveSettings(db, { language: lang });
    await setLanguage(lang);
    setProblem(settingProblem(result));
  };
  return (
    <section class="page">
      <h1>{t('settings.title')}</h1>
      <Field id="settings-language" label={t('settings.language')}>
        {(control) => (
          <select
            {...control}
            value={language.value}
            onChange={(e) => void choose(e.currentTarget.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {problem && (
        <p class="form-alert" role="alert">
          {t(problem)}
        </p>
      )}
      <ConnectionCard />
      <a class="more-link" href="/settings/sharing">
        {t('sharing.link')}
      </a>
      <section class="card" aria-labelledby="settings-privacy">
        <h2 id="settings-privacy">{t('settings.privacyTitle')}</h2>
        <p>{t('settings.privacy')}</p>
        <a class="more-link" href="/print/month">
          {t('print.monthLink')}
        </a>
      </section>
      <DataSettings />
      <details class="advanced">
        <summary>{t('settings.advanced')}</summary>
        <p class="hint">{t('settings.advancedHint')}</p>
        <ChartSettings />
      </details>
      <p class="hint">{t('settings.version', { version: __APP_VERSION__ })}</p>
    </section>
  );
}
