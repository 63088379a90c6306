/**
 * Sync in two real browsers (SYNC.md §9, §11): two devices of one provider, each a persistent
 * Chromium profile, against the built server on port 0 with its own DATA_DIR; codes come from the
 * admin command. Each test connects through the app's own screens.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, sleep } from './harness';
import { DataSettingsPage } from './data-pages';
import {
  connectDevice,
  createProvider,
  cutNetwork,
  deviceConnection,
  enrollmentCode,
  killDevice,
  openDevice,
  readStore,
  relaunchDevice,
  restartServer,
  restoreNetwork,
  revokeDevice,
  serverRecords,
  startSyncServer,
  syncCard,
  useSyncSuite,
  waitForOutboxEmpty,
  waitForSyncedOnHome,
  writeNoteIn,
} from './sync-harness';

const suite = useSyncSuite();

/** A JSON backup of `count` notes about one child, made by the app's own storage code on a Node device. */
async function backupOfNotes(child: string, count: number): Promise<Buffer> {
  const load = (path: string) => import(/* @vite-ignore */ join(ROOT, path));
  const [{ openTestDb }, { saveChild, saveObservation }, { exportAll }] = await Promise.all([
    load('src/storage/testing.ts'),
    load('src/storage/write.ts'),
    load('src/storage/export.ts'),
  ]);
  const db = await openTestDb();
  try {
    const kid = await saveChild(db, { name: child });
    for (let i = 1; i <= count; i++)
      await saveObservation(db, {
        childIds: [kid.record.id],
        observedAt: '2026-11-30T10:05:00-06:00',
        text: `${child} backup note ${i}: she pointed at the bird and said “pío”.`,
      });
    return Buffer.from(JSON.stringify(await exportAll(db)));
  } finally {
    db.close();
  }
}

describe('two devices of one provider', () => {
  it('a note written offline on one appears on the other once both are online, and both say synced', async () => {
    const server = await startSyncServer(suite);
    const maria = createProvider(server);
    const tablet = await openDevice(suite, server, 'tablet', { size: 'tablet' });
    const phone = await openDevice(suite, server, 'phone', { size: 'phone' });
    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    await connectDevice(phone, enrollmentCode(server, maria), maria);
    await waitForSyncedOnHome(tablet);
    await waitForSyncedOnHome(phone);

    await cutNetwork(tablet);
    const text = 'Mateo poured water from the small cup into the big one, three times.';
    await writeNoteIn(tablet, 'Mateo', text);
    await tablet.app.goTo('Home');
    await syncCard(tablet)
      .getByText(tablet.app.t('Offline: everything still saves on this device'))
      .waitFor();
    expect(await syncCard(tablet).locator('.notice-card, .form-alert').count()).toBe(0);

    await restoreNetwork(tablet);
    await waitForOutboxEmpty(tablet.page);
    await waitForSyncedOnHome(tablet);
    // The phone pulls at its next run: "Sync now" (she is back in range) rather than waiting a minute.
    await phone.app.goTo('Home');
    await phone.page.getByRole('button', { name: phone.app.t('Sync now'), exact: true }).click();
    await phone.app.goTo('Notes');
    await phone.page.getByText(text).first().waitFor({ state: 'visible', timeout: 30_000 });
    await waitForSyncedOnHome(phone);

    const rows = await serverRecords(server, maria);
    expect(rows.filter((r) => r.table === 'observations').map((r) => r.data.text)).toEqual([text]);
  });
});

describe('one device', () => {
  it('sends the 50 notes written before connecting, each once, with its ids', async () => {
    const server = await startSyncServer(suite);
    const maria = createProvider(server);
    const tablet = await openDevice(suite, server, 'tablet');
    // 45 notes come in from her backup (typing them all would take this machine minutes), 5 typed.
    const backup = await backupOfNotes('Ana', 45);
    await tablet.app.goTo('Settings');
    const data = new DataSettingsPage(tablet.app);
    await data.importFile({
      name: 'naptime-backup.json',
      mimeType: 'application/json',
      buffer: backup,
    });
    await tablet.page.getByText(tablet.app.t('Import finished.')).first().waitFor();
    for (let i = 1; i <= 5; i++) {
      await tablet.app.goTo('Home');
      await tablet.app.writeNote({
        child: 'Ana',
        text: `Ana note ${i}: she sang while stacking cups.`,
      });
    }
    const local = (await readStore(tablet.page, 'observations')).map((r) => String(r.id)).sort();
    expect(local).toHaveLength(50);
    expect((await readStore(tablet.page, 'outbox')).length).toBe(51);
    await tablet.app.goTo('Home');
    await syncCard(tablet)
      .getByText(tablet.app.t('Saved on this device only'), { exact: true })
      .waitFor();

    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    await waitForOutboxEmpty(tablet.page);
    await waitForSyncedOnHome(tablet);
    const rows = await serverRecords(server, maria);
    expect(
      rows
        .filter((r) => r.table === 'observations')
        .map((r) => r.id)
        .sort(),
    ).toEqual(local);
    expect(rows.filter((r) => r.table === 'children')).toHaveLength(1);
    expect(rows.every((r) => r.version === 1)).toBe(true);
  }, 300_000);

  it('loses nothing and doubles nothing when the tab is killed while a push waits for its answer', async () => {
    const server = await startSyncServer(suite);
    const maria = createProvider(server);
    let tablet = await openDevice(suite, server, 'tablet');
    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    await waitForSyncedOnHome(tablet);

    // The server commits the push; its answer never reaches the page.
    let reached!: () => void;
    const pushReachedServer = new Promise<void>((res) => (reached = res));
    await tablet.context.route('**/api/v1/sync/push', async (route) => {
      await route.fetch();
      reached();
      await new Promise(() => undefined);
    });
    const texts = ['Lía waved bye-bye at the window.', 'Lía said “more” at snack.'];
    for (const text of texts) await writeNoteIn(tablet, 'Lía', text);
    await pushReachedServer;
    const before = (await readStore(tablet.page, 'observations')).map((r) => String(r.id)).sort();
    expect((await readStore(tablet.page, 'outbox')).length).toBeGreaterThan(0);
    await killDevice(suite, tablet);

    tablet = await relaunchDevice(suite, server, tablet);
    await waitForOutboxEmpty(tablet.page);
    await waitForSyncedOnHome(tablet);
    const after = (await readStore(tablet.page, 'observations')).map((r) => String(r.id)).sort();
    expect(after).toEqual(before);
    const rows = await serverRecords(server, maria);
    const notes = rows.filter((r) => r.table === 'observations');
    expect(notes.map((r) => r.id).sort()).toEqual(before);
    expect(notes.map((r) => r.data.text).sort()).toEqual([...texts].sort());
    expect(notes.every((r) => r.version === 1)).toBe(true);
  });

  it('drains the queue by itself once a stopped server is back, without a new edit', async () => {
    let server = await startSyncServer(suite);
    const maria = createProvider(server);
    const tablet = await openDevice(suite, server, 'tablet');
    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    await waitForSyncedOnHome(tablet);

    await server.stop();
    const text = 'Noah found the red ball under the couch.';
    await writeNoteIn(tablet, 'Noah', text);
    await tablet.app.goTo('Home');
    await sleep(8_000); // several failed tries, backing off
    expect((await readStore(tablet.page, 'outbox')).length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await syncCard(tablet).textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/waiting to be sent/);
    expect(await syncCard(tablet).locator('[role=alert]').count()).toBe(0);

    server = await restartServer(server);
    suite.server = server;
    await waitForOutboxEmpty(tablet.page, 120_000);
    await waitForSyncedOnHome(tablet);
    const rows = await serverRecords(server, maria);
    expect(rows.filter((r) => r.table === 'observations').map((r) => r.data.text)).toEqual([text]);
  });

  it('stops when its access is removed, says so, and offers the export', async () => {
    const server = await startSyncServer(suite);
    const maria = createProvider(server);
    const tablet = await openDevice(suite, server, 'tablet');
    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    await waitForSyncedOnHome(tablet);
    const conn = await deviceConnection(tablet.page);
    revokeDevice(server, conn!.deviceId);

    const text = 'Sofía climbed the two steps by herself.';
    await writeNoteIn(tablet, 'Sofía', text);
    await tablet.app.goTo('Home');
    const card = syncCard(tablet);
    await card
      .getByText(
        tablet.app.t(
          'Syncing stopped: this device’s access to your agency was removed. Nothing more is sent. Everything stays on this device.',
        ),
      )
      .waitFor({ timeout: 30_000 });
    expect(await card.getByRole('button', { name: tablet.app.t('Sync now') }).count()).toBe(0);
    // The child and the note, both kept to be sent.
    expect((await readStore(tablet.page, 'outbox')).length).toBe(2);
    await card.getByRole('link', { name: tablet.app.t('Save a copy'), exact: true }).click();
    await tablet.page
      .getByRole('button', { name: tablet.app.t('Export all (JSON)'), exact: true })
      .waitFor({ state: 'visible' });
    const rows = await serverRecords(server, maria);
    expect(rows.filter((r) => r.table === 'observations')).toEqual([]);
  });
});
