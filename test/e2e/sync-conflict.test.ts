/**
 * The same note edited on two devices while both were offline (SYNC.md §3 step 4, §5), in two real
 * browsers connected through the app's own screens: it ends as a visible conflict on both, she
 * settles it from "Needs your attention" on one, the choice reaches the other, and nothing is lost
 * (the server's conflict record keeps both texts). The phone works in Spanish: axe clean and no
 * English on its "Necesita su atención".
 */
import { describe, expect, it } from 'vitest';
import { accessibleTexts, runAxe, screenshot } from './harness';
import { englishOnlyMatchers } from './pages';
import {
  connectDevice,
  createProvider,
  cutNetwork,
  enrollmentCode,
  openDevice,
  restoreNetwork,
  serverRecords,
  startSyncServer,
  useSyncSuite,
  waitForOutboxEmpty,
  writeNoteIn,
  type Device,
} from './sync-harness';

const suite = useSyncSuite();

async function editNote(device: Device, from: string, to: string): Promise<void> {
  const { app, page } = device;
  await app.goTo('Home');
  await page
    .getByRole('link', { name: new RegExp(from) })
    .first()
    .click();
  await app.noteText().fill(to);
  await app.saveWith('Save note');
}

async function syncNow(device: Device): Promise<void> {
  const { app, page } = device;
  await app.goTo('Home');
  await page.getByRole('button', { name: app.t('Sync now'), exact: true }).click();
}

describe('the same note edited on two devices while offline', () => {
  it('ends as a visible conflict on both, settled from Needs your attention, nothing lost', async () => {
    const server = await startSyncServer(suite);
    const maria = createProvider(server);
    const tablet = await openDevice(suite, server, 'tablet', { size: 'tablet' });
    const phone = await openDevice(suite, server, 'phone', { size: 'phone' });
    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    await connectDevice(phone, enrollmentCode(server, maria), maria);
    await phone.app.switchLanguage('es');

    const first = 'Mateo poured water from the small cup.';
    await writeNoteIn(tablet, 'Mateo', first);
    await waitForOutboxEmpty(tablet.page);
    await syncNow(phone);
    await phone.page.getByText(first).first().waitFor({ timeout: 30_000 });

    // Both offline; each changes the text (the phone a little later).
    await cutNetwork(tablet);
    await cutNetwork(phone);
    const onTablet = 'Mateo poured water from the small cup into the big one, three times.';
    const onPhone = 'Mateo poured the water and laughed when it spilled.';
    await editNote(tablet, first, onTablet);
    await editNote(phone, first, onPhone);

    await restoreNetwork(tablet);
    await waitForOutboxEmpty(tablet.page);
    await restoreNetwork(phone);
    await waitForOutboxEmpty(phone.page);
    await syncNow(tablet);

    // Visible on both: Home's link, and the note says it where it is listed.
    await tablet.app.goTo('Home');
    const tabletLink = tablet.page.getByRole('link', { name: '1 thing needs your attention' });
    await tabletLink.waitFor({ timeout: 30_000 });
    await tablet.page.locator('.sync-attention').first().waitFor();
    await phone.app.goTo('Home');
    await phone.page.getByRole('link', { name: '1 cosa necesita su atención' }).click();
    const phoneCard = phone.page.getByRole('article');
    await phoneCard.waitFor();
    for (const text of [onTablet, onPhone])
      expect(await phoneCard.textContent(), 'both versions on the phone').toContain(text);
    await screenshot(phone.page, 'sync-conflict-phone-es');
    expect(await runAxe(phone.page)).toEqual([]);
    const matchers = englishOnlyMatchers(suite.catalogues);
    expect(
      (await accessibleTexts(phone.page)).filter((t) => matchers.some((m) => m.pattern.test(t))),
    ).toEqual([]);

    // On the tablet she wants her own words back: "Use the other" (the phone's text won by time).
    await tabletLink.click();
    const card = tablet.page.getByRole('article');
    await card.waitFor();
    expect(await card.textContent()).toContain('Changed on this device');
    await screenshot(tablet.page, 'sync-conflict-tablet-en');
    expect(await runAxe(tablet.page)).toEqual([]);
    await card.getByRole('button', { name: 'Use the other', exact: true }).click();
    await tablet.page
      .getByText('Nothing needs your attention. Everything is in order.')
      .waitFor({ timeout: 15_000 });
    await waitForOutboxEmpty(tablet.page);

    // The choice reaches the phone; the conflict closes there too.
    await syncNow(phone);
    await phone.page.getByText(onTablet).first().waitFor({ timeout: 30_000 });
    await expect
      .poll(() => phone.page.getByRole('link', { name: /necesita su atención/ }).count(), {
        timeout: 15_000,
      })
      .toBe(0);

    // Nothing lost: the note holds her choice, the closed conflict record both texts.
    const rows = await serverRecords(server, maria);
    const notes = rows.filter((r) => r.table === 'observations');
    expect(notes.map((r) => r.data.text)).toEqual([onTablet]);
    const conflicts = rows.filter((r) => r.table === 'conflicts');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.data).toMatchObject({
      recordId: notes[0]!.id,
      resolution: 'used-other',
      winning: { text: onPhone },
      losing: { text: onTablet },
    });
  });
});
