import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { isCopyDue } from './storage-status';
import { useCopyStatus } from './use-copy-status';

/** On Home, once a week until she connects to her agency: "save a copy", with the way to do it. */
export function CopyReminder(): JSX.Element | null {
  const copy = useCopyStatus();
  if (!copy || !isCopyDue(copy, new Date())) return null;
  return (
    <section class="card notice-card" aria-labelledby="home-copy">
      <h2 id="home-copy">{t('data.reminder.title')}</h2>
      <p>{t(copy.lastExportAt ? 'data.reminder.text' : 'data.reminder.never')}</p>
      <a class="button" href="/settings#data-export">
        {t('data.reminder.go')}
      </a>
    </section>
  );
}
