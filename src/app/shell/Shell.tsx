import type { ComponentChildren, JSX } from 'preact';
import { t } from '../i18n/i18n';
import { isOnline } from '../state';
import { Icon } from '../ui/icons';
import { HeaderNav } from './HeaderNav';
import { NavBar } from './NavBar';
import { ReadFailedBanner } from './ReadFailedBanner';
import { ToastRegion } from './ToastRegion';
import { UpdateBanner } from './UpdateBanner';

/** The frame around every screen: title, offline hint, update banner, navigation, messages. */
export function Shell({ children }: { children: ComponentChildren }): JSX.Element {
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header class="app-header">
        <span class="app-title">Naptime</span>
        <HeaderNav />
      </header>
      {!isOnline.value && (
        <p class="offline-hint">
          <Icon name="cloudOff" size={18} /> {t('shell.offline')}
        </p>
      )}
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        <ReadFailedBanner />
        {children}
      </main>
      <ToastRegion />
      <NavBar />
    </div>
  );
}
