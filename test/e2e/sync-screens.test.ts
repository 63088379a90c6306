/**
 * The connect and sync screens at phone and tablet size, English and Spanish, online and offline
 * (test/README.md "Accessibility"): axe finds no serious or critical violation, and no English shows
 * in Spanish. Screenshots go to test-results/screenshots/sync-*.png.
 */
import { describe, expect, it } from 'vitest';
import { runAxe, screenshot, type AxeViolation, type Size } from './harness';
import { englishOnScreen, type Lang } from './pages';
import {
  createProvider,
  cutNetwork,
  enrollmentCode,
  openDevice,
  startSyncServer,
  syncCard,
  useSyncSuite,
  waitForSyncedOnHome,
  type Device,
} from './sync-harness';
import { switchLanguage } from './data-pages';

const suite = useSyncSuite();

async function check(d: Device, name: string, found: Record<string, unknown>): Promise<void> {
  const label = `sync-${d.size}-${d.app.lang}-${name}`;
  await screenshot(d.page, label);
  const axe: AxeViolation[] = await runAxe(d.page);
  if (axe.length > 0) found[`${label} axe`] = axe;
  if (d.app.lang === 'es') {
    const english = await englishOnScreen(d.page, suite.catalogues);
    if (english.length > 0) found[`${label} english`] = english;
  }
}

for (const [size, lang] of [
  ['phone', 'en'],
  ['tablet', 'es'],
  ['phone', 'es'],
  ['tablet', 'en'],
] as [Size, Lang][]) {
  describe(`connect and sync screens, ${size}, ${lang}`, () => {
    it('are accessible and in her language: not connected, connect, confirm, done, synced, Settings, offline', async () => {
      const found: Record<string, unknown> = {};
      const server = await startSyncServer(suite);
      const maria = createProvider(server, 'Red de Cuidado Infantil Sol', 'María López');
      const d = await openDevice(suite, server, 'screens', { size });
      if (lang === 'es') await switchLanguage(d.app, 'es');
      const { app, page } = d;
      await app.goTo('Home');
      await syncCard(d).getByText(app.t('Saved on this device only'), { exact: true }).waitFor();
      await syncCard(d).scrollIntoViewIfNeeded();
      await check(d, 'home-not-connected', found);

      await app.goTo('Settings');
      await page
        .getByRole('link', { name: app.t('Connect to my agency'), exact: true })
        .first()
        .click();
      const code = page.getByLabel(app.t('Enrollment code'), { exact: true });
      await code.fill('abc');
      await page.getByRole('button', { name: app.t('Connect'), exact: true }).click();
      await page.locator('.field-error').first().waitFor();
      await check(d, 'connect-form-error', found);
      await code.fill('0000-000000');
      await page.getByRole('button', { name: app.t('Connect'), exact: true }).click();
      await page.locator('.form-alert').waitFor();
      await check(d, 'connect-wrong-code', found);

      await code.fill(enrollmentCode(server, maria).toLowerCase());
      await page.getByRole('button', { name: app.t('Connect'), exact: true }).click();
      await page.getByRole('button', { name: app.t('Yes, connect'), exact: true }).waitFor();
      await check(d, 'connect-confirm', found);
      await page.getByRole('button', { name: app.t('Yes, connect'), exact: true }).click();
      await page.getByRole('link', { name: app.t('Go to Home'), exact: true }).waitFor();
      await check(d, 'connect-done', found);

      await waitForSyncedOnHome(d);
      await syncCard(d).scrollIntoViewIfNeeded();
      await check(d, 'home-synced', found);
      await app.goTo('Settings');
      await page
        .getByRole('button', { name: app.t('Disconnect this device…'), exact: true })
        .click();
      await page.getByRole('button', { name: app.t('Yes, disconnect'), exact: true }).waitFor();
      await check(d, 'settings-disconnect', found);
      await page.getByRole('button', { name: app.t('Cancel'), exact: true }).click();

      await cutNetwork(d);
      await page.evaluate(() => window.dispatchEvent(new Event('offline')));
      await app.goTo('Home');
      await syncCard(d)
        .getByText(app.t('Offline: everything still saves on this device'))
        .waitFor();
      await syncCard(d).scrollIntoViewIfNeeded();
      await check(d, 'home-offline', found);
      expect(found).toEqual({});
    });
  });
}
