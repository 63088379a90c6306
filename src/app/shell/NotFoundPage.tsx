import type { JSX } from 'preact';
import { t } from '../i18n/i18n';

/** A path the app does not know: say so and offer the way home. */
export function NotFoundPage(): JSX.Element {
  return (
    <section class="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </section>
  );
}
