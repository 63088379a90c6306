import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { saveSettings } from '../../../storage/settings';
import { useDb } from '../../db';
import { LANGUAGES, language, setLanguage, t, type Language } from '../../i18n/i18n';
import { needsHomeScreen } from '../data/storage-status';
import { deviceFacts } from '../data/use-storage-status';
import { beginWelcome, passWelcomeStep, useWelcomeStep } from './use-welcome';
import { WELCOME_STEPS, type WelcomeStep } from './welcome-steps';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** The first run on Home: one step at a time, each skippable, shown once (welcome-steps.ts). */
export function WelcomeCard(): JSX.Element | null {
  const db = useDb();
  const step = useWelcomeStep();
  useEffect(() => {
    if (step === 'language') void beginWelcome(db);
  }, [step]);
  if (!step) return null;
  const steps = WELCOME_STEPS.filter((s) => s !== 'home-screen' || needsHomeScreen(deviceFacts()));
  const pass = () => void passWelcomeStep(db, step);
  const chooseLanguage = async (lang: Language) => {
    await saveSettings(db, { language: lang });
    await setLanguage(lang);
    await passWelcomeStep(db, 'language');
  };
  return (
    <section class="card welcome" aria-labelledby="welcome-title">
      <p class="hint">{t('welcome.step', { n: steps.indexOf(step) + 1, total: steps.length })}</p>
      <StepBody step={step} onLanguage={(l) => void chooseLanguage(l)} />
      <button type="button" class="button quiet" onClick={pass}>
        {t(step === 'home-screen' ? 'welcome.homeDone' : 'welcome.skip')}
      </button>
    </section>
  );
}

function StepBody({
  step,
  onLanguage,
}: {
  step: WelcomeStep;
  onLanguage: (l: Language) => void;
}): JSX.Element {
  if (step === 'language') {
    return (
      <>
        <h2 id="welcome-title">{t('welcome.title')}</h2>
        <p>{t('welcome.languageText')}</p>
        <div class="data-actions" role="group" aria-label={t('welcome.languageLabel')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              class={`button${language.value === l ? ' primary' : ''}`}
              onClick={() => onLanguage(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
      </>
    );
  }
  if (step === 'children') {
    return (
      <>
        <h2 id="welcome-title">{t('welcome.childrenTitle')}</h2>
        <p>{t('welcome.childrenText')}</p>
        <a class="button primary" href="/children/new">
          {t('welcome.childrenGo')}
        </a>
      </>
    );
  }
  if (step === 'note') {
    return (
      <>
        <h2 id="welcome-title">{t('welcome.noteTitle')}</h2>
        <p>{t('welcome.noteText')}</p>
        <a class="button primary" href="/notes/new?from=/">
          {t('welcome.noteGo')}
        </a>
      </>
    );
  }
  return (
    <>
      <h2 id="welcome-title">{t('welcome.homeTitle')}</h2>
      <p>{t('data.storage.homeScreen')}</p>
    </>
  );
}
