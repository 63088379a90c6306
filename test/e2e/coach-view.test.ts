/**
 * The coach's view across the real pieces (SYNC.md §13, §14, §17): a provider connected with her
 * code writes notes and a check-in, shares "my weekly numbers" and syncs; her coach, assigned to her
 * with the admin's `assign`, connects a staff device of the same agency and opens /staff/providers
 * from her Home: her name and her numbers (a run chart, the check-in answer she gave), never a
 * note's text or a child's name. She turns sharing to "nothing" and syncs; the coach's next visit
 * shows her name only, in the not-sharing list. The collaborative's charts render for the coach,
 * every pooled provider point "too few to show" (one provider). Spanish once, axe clean on both.
 * Screenshots in test-results/screenshots/coach-view-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { switchLanguage } from './data-pages';
import { runAxe, screenshot, type AxeViolation, type ServerHandle } from './harness';
import { englishOnScreen } from './pages';
import { seedYearInPage } from './progress-pages';
import { CHANGE_IDEA } from './progress-seed';
import {
  admin,
  connectDevice,
  createProvider,
  enrollmentCode,
  openDevice,
  startSyncServer,
  useSyncSuite,
  waitForOutboxEmpty,
  waitForSyncedOnHome,
  writeNoteIn,
  type Device,
} from './sync-harness';

const suite = useSyncSuite();
const AGENCY = 'Sunrise Family Child Care Network';
const NOTES = [
  ['Mateo', 'Mateo stacked four blocks and counted them out loud.'],
  ['Sofía', 'Sofía poured sand from the red cup into the blue one, again and again.'],
];
const CHILDREN = ['Mateo', 'Sofía', 'Ana', 'Leo', 'Mía'];

async function checkPage(d: Device, label: string, found: Record<string, unknown>): Promise<void> {
  await d.page.waitForLoadState('networkidle');
  await screenshot(d.page, `coach-view-${d.size}-${d.app.lang}-${label}`);
  const axe: AxeViolation[] = await runAxe(d.page);
  if (axe.length > 0) found[`${label} axe`] = axe;
  if (d.app.lang === 'es') {
    const english = await englishOnScreen(d.page, suite.catalogues);
    if (english.length > 0) found[`${label} english`] = english;
  }
}

/** Settings → "Share with my agency" → the level → "Save my choice" → synced. */
async function shareAt(d: Device, level: 'My weekly numbers' | 'Nothing'): Promise<void> {
  const { app, page } = d;
  await app.goTo('Settings');
  await page.getByRole('link', { name: app.t('Share with my agency'), exact: true }).click();
  await page.getByRole('radio', { name: app.t(level), exact: true }).check();
  await page.getByRole('button', { name: app.t('Save my choice'), exact: true }).click();
  await page.getByText(app.t('Saved. Your coach will see this after your next sync.')).waitFor();
  await waitForOutboxEmpty(page);
  await waitForSyncedOnHome(d);
}

/** The coach's Home → "My providers (coach view)" (or a reload of the page when there). */
async function openProviders(coach: Device, server: ServerHandle): Promise<void> {
  await coach.page.goto(`${server.url}/staff`);
  await coach.page
    .getByRole('link', { name: coach.app.t('My providers (coach view)'), exact: true })
    .click();
  await coach.page.waitForURL('**/staff/providers');
  await coach.page.locator('.staff-status').waitFor();
}

const bodyText = (page: Page) => page.locator('body').innerText();

describe('the coach’s view, provider and coach devices against one real server', () => {
  it('shows her numbers while she shares, then only her name once she shares nothing', async () => {
    const found: Record<string, unknown> = {};
    const server = await startSyncServer(suite);
    const maria = createProvider(server, AGENCY, 'María López');
    const lucia = String(
      admin(server, 'create-staff', '--agency', AGENCY, '--name', 'Lucía Romero', '--role', 'coach')
        .staffId,
    );
    admin(server, 'assign', '--staff', lucia, '--provider', maria.providerId);

    // Her device: connected, two notes, a check-in, "my weekly numbers", synced.
    const her = await openDevice(suite, server, 'provider');
    await connectDevice(her, enrollmentCode(server, maria), maria);
    // Twenty-one past weeks of notes and check-ins written into her database (children Ana, Leo and Mía,
    // notes "Stacked … blocks"), so her charts have weeks to draw; then two notes and this week's
    // check-in through the screens.
    await seedYearInPage(her.page, { weeks: 21 });
    await her.page.reload({ waitUntil: 'load' });
    await her.app.waitForShell();
    for (const [child, text] of NOTES) await writeNoteIn(her, child!, text!);
    await her.app.goTo('Home');
    await her.page.getByRole('link', { name: her.app.t('Check-in'), exact: true }).click();
    await her.page.locator('#checkin-p1').fill('3');
    await her.page.locator('#checkin-p4').fill('2');
    await her.page.locator('#checkin-p5').fill('1');
    await her.page.getByRole('radio', { name: '4 · Easy' }).check();
    await her.page.getByRole('button', { name: her.app.t('Save check-in'), exact: true }).click();
    await her.app.waitForSaved();
    await shareAt(her, 'My weekly numbers');

    // The coach's device: a staff code, her Home, the link to the coach's view.
    const coach = await openDevice(suite, server, 'coach', { size: 'phone' });
    const { app, page } = coach;
    await app.goTo('Settings');
    await page
      .getByRole('link', { name: app.t('Connect to my agency'), exact: true })
      .first()
      .click();
    await page
      .getByLabel(app.t('Enrollment code'), { exact: true })
      .fill(String(admin(server, 'enroll-code', '--staff', lucia).code));
    await page.getByRole('button', { name: app.t('Connect'), exact: true }).click();
    await page.getByRole('button', { name: app.t('Yes, connect'), exact: true }).click();
    await page.getByRole('link', { name: app.t('Go to Home'), exact: true }).click();
    await page.waitForURL('**/staff');

    await openProviders(coach, server);
    const card = page.locator('.shared-provider');
    await card.first().waitFor({ timeout: 15_000 });
    expect(await card.locator('h2').allTextContents()).toEqual(['María López']);
    expect(await card.locator('.small-chart').count()).toBe(6);
    await card.locator('.run-chart canvas').first().waitFor();
    expect(await card.locator('.last-checkin').textContent()).toBe(
      app.t('Last check-in: this week'),
    );
    const shown = await bodyText(page);
    for (const [, text] of NOTES) expect(shown).not.toContain(text);
    expect(shown).not.toMatch(/Stacked|blocks/);
    expect(shown).not.toContain(CHANGE_IDEA); // her PDSA cycle: not shared at "my weekly numbers"
    for (const child of CHILDREN) expect(shown).not.toContain(child);
    expect(shown).not.toContain(app.t('Not sharing (name only): {names}').split('{')[0]!);
    await checkPage(coach, 'providers', found);

    // The collaborative's charts: one provider, so every pooled provider point is "too few".
    await page.goto(`${server.url}/staff/charts`);
    const charts = page.locator('.pooled-chart');
    await charts.first().waitFor({ timeout: 15_000 });
    const providerCharts = page.locator('.pooled-chart[data-chart^="providers-"]');
    expect(await providerCharts.count()).toBeGreaterThan(0);
    const chart2 = providerCharts.first();
    await chart2.getByRole('button', { name: app.t('Show the numbers') }).click();
    const cells = await chart2.locator('tbody tr').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    // Her 21 seeded weeks are points from one provider, each "too few to show"; the weeks before
    // them nobody reported; no row shows a value.
    const tooFew = cells.filter((row) => row.includes('too few to show'));
    expect(tooFew).toHaveLength(21);
    for (const row of cells) expect(row).toMatch(/too few to show|nobody reported/);
    for (const row of cells) expect(row).not.toMatch(/%|\b1 of 1\b/);
    await checkPage(coach, 'charts', found);

    // She shares nothing now; the coach's next visit shows her name only.
    await shareAt(her, 'Nothing');
    await openProviders(coach, server);
    await page
      .getByText(app.t('Not sharing (name only): {names}').replace('{names}', 'María López'))
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('.shared-provider').count()).toBe(0);
    expect(await page.locator('.small-chart').count()).toBe(0);
    await checkPage(coach, 'providers-not-sharing', found);

    // Spanish once, both pages.
    await switchLanguage(app, 'es');
    await openProviders(coach, server);
    await page
      .getByText(app.t('Not sharing (name only): {names}').replace('{names}', 'María López'))
      .waitFor({ timeout: 15_000 });
    await checkPage(coach, 'providers', found);
    await page.goto(`${server.url}/staff/charts`);
    await charts.first().waitFor({ timeout: 15_000 });
    await checkPage(coach, 'charts', found);
    expect(found).toEqual({});
  });
});
