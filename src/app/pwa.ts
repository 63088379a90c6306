/**
 * The service worker and the update prompt (src/README.md 13): a new version only tells her "Update
 * ready"; nothing reloads until she accepts, and accepting first finishes any draft write.
 */
import { registerSW } from 'virtual:pwa-register';
import { updateReady } from './state';

const HOUR = 60 * 60 * 1000;
let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null;

/** Registers the service worker; `updateReady` turns true when a new version is waiting. */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateReady.value = true;
    },
    onRegisteredSW(_url, registration) {
      // Look for a new version now and then while the app is open and online.
      if (registration)
        setInterval(() => void (navigator.onLine ? registration.update() : undefined), HOUR);
    },
    onRegisterError(error) {
      console.warn('service worker registration failed', error);
    },
  });
}

/** Applies the waiting version: waits for `beforeReload` (draft writes), then activates and reloads. */
export async function acceptUpdate(beforeReload: () => Promise<void>): Promise<void> {
  await beforeReload();
  await updateServiceWorker?.(true);
}
