import type { JSX } from 'preact';
import { saveSettings } from '../../../storage/settings';
import { useDb } from '../../db';
import { useState } from 'preact/hooks';
import type { MessageKey } from '../../i18n/en';
import { Field } from '../../ui/Field';
import { settingProblem } from '../../ui/storage-words';
import { ChartSettings } from '../progress/ChartSettings';
import { DataSettings } from '../data/DataSettings';
import { language, LANGUAGES, setLanguage, t, type Language } from '../../i18n/i18n';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** Her settings: the language of every word on screen, and what this version of Naptime is. */
export function SettingsPage(): JSX.Element {
  const db = useDb();
  const [problem, setProblem] = useState<MessageKey | null>(null);
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
      <ChartSettings />
      <section class="card" aria-labelledby="settings-privacy">
        <h2 id="settings-privacy">{t('settings.privacyTitle')}</h2>
        <p>{t('settings.privacy')}</p>
      </section>
      <DataSettings />
      <p class="hint">{t('settings.version', { version: __APP_VERSION__ })}</p>
    </section>
  );
}
