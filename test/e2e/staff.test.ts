/**
 * The staff app in a real Chromium against a real server (SYNC.md §12–§13, DESIGN.md "Agency
 * staff"): a coach connects with a staff code, logs TA contacts and a survey offline, and they are
 * on the server once the device is back online; then every staff screen at phone and tablet size,
 * English and Spanish: axe finds no serious or critical violation and no English shows in Spanish.
 * Screenshots go to test-results/screenshots/staff-*.png.
 */
import { describe, expect, it } from 'vitest';
import { runAxe, screenshot, type AxeViolation, type Size } from './harness';
import { englishOnScreen, type Lang } from './pages';
import { switchLanguage } from './data-pages';
import {
  admin,
  cutNetwork,
  openDevice,
  recordsSeenWith,
  restoreNetwork,
  startSyncServer,
  useSyncSuite,
  waitForOutboxEmpty,
  waitForSyncedOnHome,
  type Device,
} from './sync-harness';
import type { ServerHandle } from './harness';

const suite = useSyncSuite();
const AGENCY = 'Sunrise Family Child Care Network';

function createStaff(server: ServerHandle, name: string, role: 'coach' | 'manager'): string {
  return String(
    admin(server, 'create-staff', '--agency', AGENCY, '--name', name, '--role', role).staffId,
  );
}
const staffCode = (server: ServerHandle, staffId: string) =>
  String(admin(server, 'enroll-code', '--staff', staffId).code);

/** Opens a place of the staff navigation by its name. */
async function goToStaff(d: Device, english: 'Home' | 'Contacts' | 'Survey' | 'Measures') {
  await d.page
    .getByRole('link', { name: d.app.t(english), exact: true })
    .first()
    .click();
  await d.page.waitForLoadState('domcontentloaded');
}

/** A day `n` days before today, as the date input takes it. */
function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Settings → "Connect to my agency" → the code → her name and role shown → "Yes, connect". */
async function connectStaff(d: Device, code: string, name: string, role: string): Promise<void> {
  const { app, page } = d;
  await app.goTo('Settings');
  await page
    .getByRole('link', { name: app.t('Connect to my agency'), exact: true })
    .first()
    .click();
  await page.getByLabel(app.t('Enrollment code'), { exact: true }).fill(code.toLowerCase());
  await page.getByRole('button', { name: app.t('Connect'), exact: true }).click();
  const who = app
    .t('This code is for {staff}, {role} at {agency}.')
    .replace('{staff}', name)
    .replace('{role}', app.t(role))
    .replace('{agency}', AGENCY);
  await page.getByText(who, { exact: true }).waitFor({ timeout: 15_000 });
}

async function confirmConnect(d: Device): Promise<void> {
  const { app, page } = d;
  await page.getByRole('button', { name: app.t('Yes, connect'), exact: true }).click();
  await page.getByRole('link', { name: app.t('Go to Home'), exact: true }).click();
  await page.waitForURL('**/staff');
}

/** Logs one contact from the log's form, the provider's name typed (no list on the device yet). */
async function logContact(
  d: Device,
  c: { name?: string; date: string; kind?: string; groupSize?: number; topics: string[] },
): Promise<void> {
  const { app, page } = d;
  await page
    .getByRole('link', { name: app.t('Log a TA contact'), exact: true })
    .first()
    .click();
  await page.getByRole('button', { name: app.t('Save contact'), exact: true }).waitFor();
  if (c.kind) await page.getByRole('radio', { name: app.t(c.kind), exact: true }).check();
  if (c.groupSize !== undefined)
    await page
      .getByLabel(app.t('Providers in the group'), { exact: true })
      .fill(String(c.groupSize));
  if (c.name) await page.getByLabel(app.t('Provider’s name'), { exact: true }).fill(c.name);
  // By id: "Date" names a field on other screens too.
  await page.locator('#contact-date').fill(c.date);
  for (const topic of c.topics)
    await page.getByRole('checkbox', { name: app.t(topic), exact: true }).check();
  await page.getByRole('button', { name: app.t('Save contact'), exact: true }).click();
  await page.getByText(app.t('Saved on this device'), { exact: true }).first().waitFor();
}

const OBSERVING = 'Talked about observing toddlers and writing it down';
const PLANNING = 'Talked about planning activities or routines from observations';
const QI = 'Looked at her PDSA cycle or run chart';

describe('a coach’s device', () => {
  it('logs contacts and a survey offline; once online they are on the server', async () => {
    const server = await startSyncServer(suite);
    const lucia = createStaff(server, 'Lucía Romero', 'coach');
    const d = await openDevice(suite, server, 'coach', { size: 'phone' });
    await connectStaff(d, staffCode(server, lucia), 'Lucía Romero', 'coach');
    await confirmConnect(d);
    const { app, page } = d;
    await page.getByRole('heading', { name: 'Hello, Lucía Romero', exact: true }).waitFor();

    await cutNetwork(d);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await goToStaff(d, 'Contacts');
    await logContact(d, { name: 'María López', date: daysAgo(0), topics: [OBSERVING, QI] });
    await logContact(d, {
      kind: 'Group session',
      groupSize: 4,
      date: daysAgo(0),
      topics: [PLANNING],
    });
    await page.getByText('María López · Visit').waitFor();
    await goToStaff(d, 'Survey');
    // Pre-filled from this week's log: 1 visit + a group of 4 = 5 contacts, 1 group session.
    await expect
      .poll(() => page.getByLabel(app.t('TA contacts with providers this week')).inputValue())
      .toBe('5');
    await page.getByRole('checkbox', { name: app.t('Time'), exact: true }).check();
    await page.getByRole('button', { name: app.t('Save survey'), exact: true }).click();
    await page.waitForURL('**/staff');

    await restoreNetwork(d);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitForOutboxEmpty(page);
    await waitForSyncedOnHome(d);
    const rows = await recordsSeenWith(server, staffCode(server, lucia));
    const contacts = rows.filter((r) => r.table === 'ta-contacts').map((r) => r.data);
    expect(contacts).toHaveLength(2);
    expect(contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'visit', providerName: 'María López', observation: true }),
        expect.objectContaining({ kind: 'group', groupSize: 4, planning: true }),
      ]),
    );
    const surveys = rows.filter((r) => r.table === 'staff-checkins');
    expect(surveys.map((r) => r.data)).toEqual([
      expect.objectContaining({ s1: 5, s2: 1, s3: 4, s4: 1, s5: 1, s6: ['time'] }),
    ]);
  });
});

async function check(d: Device, name: string, found: Record<string, unknown>): Promise<void> {
  const label = `staff-${d.size}-${d.app.lang}-${name}`;
  await d.page.waitForLoadState('networkidle');
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
  describe(`staff screens, ${size}, ${lang}`, () => {
    it('are accessible and in her language: confirm, Home, contact form, log, survey, measures, events', async () => {
      const found: Record<string, unknown> = {};
      const server = await startSyncServer(suite);
      const ana = createStaff(server, 'Ana Díaz', 'manager');
      const d = await openDevice(suite, server, 'staff-screens', { size });
      if (lang === 'es') await switchLanguage(d.app, 'es');
      const { app, page } = d;
      await connectStaff(d, staffCode(server, ana), 'Ana Díaz', 'manager');
      await check(d, 'connect-confirm', found);
      await confirmConnect(d);

      await goToStaff(d, 'Contacts');
      await page.getByRole('link', { name: app.t('Log a TA contact'), exact: true }).click();
      await page.getByRole('button', { name: app.t('Save contact'), exact: true }).click();
      await page.locator('.field-error').first().waitFor();
      await check(d, 'contact-form-error', found);
      await goToStaff(d, 'Contacts');
      await logContact(d, { name: 'María López', date: daysAgo(14), topics: [OBSERVING] });
      await logContact(d, { name: 'Rosa Díaz', date: daysAgo(7), topics: [OBSERVING, QI] });
      await logContact(d, { name: 'María López', date: daysAgo(7), topics: [PLANNING] });
      await logContact(d, {
        kind: 'Group session',
        groupSize: 5,
        date: daysAgo(0),
        topics: [OBSERVING, PLANNING],
      });
      await check(d, 'log', found);
      await page.getByText('Rosa Díaz', { exact: false }).first().click();
      await page.getByRole('button', { name: app.t('Delete contact'), exact: true }).waitFor();
      await check(d, 'contact-edit', found);

      await goToStaff(d, 'Survey');
      await page.getByRole('button', { name: app.t('Save survey'), exact: true }).waitFor();
      await page.getByRole('checkbox', { name: app.t('Internet connection'), exact: true }).check();
      await page.getByRole('checkbox', { name: app.t('Time'), exact: true }).check();
      await check(d, 'survey', found);
      await page.getByRole('button', { name: app.t('Save survey'), exact: true }).click();
      await page.waitForURL('**/staff');
      await check(d, 'home', found);

      await goToStaff(d, 'Measures');
      await page.locator('.run-chart canvas').first().waitFor();
      await check(d, 'measures', found);

      await page.goto(`${server.url}/staff/events`);
      await page.locator('#event-title').fill('Taller 2');
      await page.getByRole('button', { name: app.t('Add event'), exact: true }).click();
      await page.getByText('Taller 2', { exact: true }).waitFor();
      await check(d, 'events', found);
      expect(found).toEqual({});
    });
  });
}
