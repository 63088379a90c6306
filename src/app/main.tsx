/**
 * Start-up wiring: open the database, pick the language, render, register the service worker, and
 * turn browser events into the app's signals. Storage and sync know nothing of Preact; this file
 * is where their results become signals (src/README.md 5).
 */
import { render } from 'preact';
import { App } from './App';
import { DbContext } from './db';
import { NaptimeDb } from '../storage/db';
import { ensureDeviceMeta } from '../storage/meta';
import { getSettings } from '../storage/settings';
import { loadLaterWords, pickLanguage, setLanguage, warmUpFormatters } from './i18n/i18n';
import { startServiceWorker } from './pwa';
import { isOnline } from './state';
import { loadStaffProfile } from './staff-profile';
import { startSyncIfConnected } from './sync-runtime';
import './styles.css';

async function boot(): Promise<void> {
  warmUpFormatters(); // while the database opens, on another thread
  const db = new NaptimeDb();
  const root = document.getElementById('app')!;
  try {
    await ensureDeviceMeta(db);
    // Before the first paint: a staff device must never flash the provider's Home.
    await loadStaffProfile(db);
    const settings = await getSettings(db);
    await setLanguage(
      settings.language ?? pickLanguage(navigator.languages ?? [navigator.language]),
    );
  } catch (error) {
    // Without IndexedDB nothing can be kept: say so plainly rather than pretend to save.
    console.error(error);
    root.innerHTML =
      '<div class="page"><h1>Naptime cannot open its storage on this browser.</h1>' +
      '<p>Naptime no puede abrir su almacenamiento en este navegador.</p>' +
      '<p>Private browsing may block it. / La navegación privada puede bloquearlo.</p></div>';
    return;
  }
  root.textContent = '';
  render(
    <DbContext.Provider value={db}>
      <App />
    </DbContext.Provider>,
    root,
  );
  window.addEventListener('online', () => (isOnline.value = true));
  window.addEventListener('offline', () => (isOnline.value = false));
  startServiceWorker();
  // The sync client and the other screens' words are chunks of their own, loaded once the first
  // screen is painted.
  requestAnimationFrame(() =>
    setTimeout(() => {
      void loadLaterWords();
      void startSyncIfConnected(db);
    }, 0),
  );
}

void boot();
