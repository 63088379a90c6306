/**
 * Letting go of a device (SYNC.md §7): "Disconnect this device…" keeps everything here, says how
 * many changes wait and revokes the token (later, when the server could not be reached); "Hand this
 * tablet to someone else…" sends everything, sees that nothing waits, then erases the device.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ServerHandle } from './harness';
import {
  connectDevice,
  createProvider,
  cutNetwork,
  deviceConnection,
  enrollmentCode,
  openDevice,
  readStore,
  restoreNetwork,
  serverRecords,
  startSyncServer,
  syncCard,
  useSyncSuite,
  waitForSyncedOnHome,
  writeNoteIn,
  type Device,
} from './sync-harness';

const suite = useSyncSuite();

/** The status a pull with `token` gets: 200 while the token lives, 403 once revoked. */
async function pullStatus(server: ServerHandle, conn: { deviceId: string; deviceToken: string }) {
  const res = await fetch(`${server.url}/api/v1/sync/pull`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${conn.deviceToken}` },
    body: JSON.stringify({ protocol: 1, deviceId: conn.deviceId, cursor: null }),
  });
  return res.status;
}

const button = (d: Device, name: string) =>
  d.page.getByRole('button', { name: d.app.t(name), exact: true });

async function openConnectionCard(d: Device): Promise<Page> {
  await d.app.goTo('Settings');
  await d.page.getByRole('heading', { name: d.app.t('Your agency'), exact: true }).waitFor();
  return d.page;
}

describe('letting go of a connected device', () => {
  it('disconnects offline: keeps everything, says what waits, and revokes the token once online', async () => {
    const server = await startSyncServer(suite);
    const maria = createProvider(server);
    const tablet = await openDevice(suite, server, 'tablet');
    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    await waitForSyncedOnHome(tablet);
    const conn = (await deviceConnection(tablet.page))!;

    await cutNetwork(tablet);
    const text = 'Eli hummed the clean-up song.';
    await writeNoteIn(tablet, 'Eli', text);
    await openConnectionCard(tablet);
    await button(tablet, 'Disconnect this device…').click();
    await tablet.page
      .getByText(
        tablet.app
          .t(
            '{count} changes have not been sent yet. They stay here and are sent if you connect again.',
          )
          .replace('{count}', '2'),
      )
      .waitFor();
    await button(tablet, 'Yes, disconnect').click();
    await tablet.page
      .getByText(
        /^Disconnected\. Everything stays on this device\. The server could not be reached/,
      )
      .waitFor();
    expect(await pullStatus(server, conn)).toBe(200);

    await restoreNetwork(tablet);
    await tablet.page.reload();
    await tablet.app.waitForShell();
    await expect.poll(() => pullStatus(server, conn), { timeout: 20_000 }).toBe(403);
    expect(await deviceConnection(tablet.page)).toBeNull();
    expect((await readStore(tablet.page, 'outbox')).length).toBe(2);
    await tablet.app.goTo('Notes');
    await tablet.page.getByText(text).first().waitFor();
    await tablet.app.goTo('Home');
    await syncCard(tablet)
      .getByText(tablet.app.t('Saved on this device only'), { exact: true })
      .waitFor();
  });

  it('hands the tablet on: sends everything, finds nothing waiting, erases, and revokes the token', async () => {
    const server = await startSyncServer(suite);
    const maria = createProvider(server);
    const tablet = await openDevice(suite, server, 'tablet');
    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    const conn = (await deviceConnection(tablet.page))!;
    const text = 'Zoe put the doll to sleep and whispered.';
    await writeNoteIn(tablet, 'Zoe', text);

    await openConnectionCard(tablet);
    await button(tablet, 'Hand this tablet to someone else…').click();
    await tablet.page
      .getByText(/^Everything is on your agency’s server\./)
      .waitFor({ timeout: 30_000 });
    const reloaded = tablet.page.waitForEvent('load', { timeout: 20_000 });
    await button(tablet, 'Erase this tablet').click();
    await reloaded;
    await tablet.app.waitForShell();
    expect(await readStore(tablet.page, 'observations')).toEqual([]);
    expect(await deviceConnection(tablet.page)).toBeNull();
    expect(await pullStatus(server, conn)).toBe(403);
    const rows = await serverRecords(server, maria);
    expect(rows.filter((r) => r.table === 'observations').map((r) => r.data.text)).toEqual([text]);
  });

  it('does not erase at once when something is not on the server: it offers the export first', async () => {
    const server = await startSyncServer(suite);
    const maria = createProvider(server);
    const tablet = await openDevice(suite, server, 'tablet');
    await connectDevice(tablet, enrollmentCode(server, maria), maria);
    await waitForSyncedOnHome(tablet);
    await cutNetwork(tablet);
    await writeNoteIn(tablet, 'Ivy', 'Ivy found her shoes by herself.');

    await openConnectionCard(tablet);
    await button(tablet, 'Hand this tablet to someone else…').click();
    await tablet.page
      .getByText(/^2 items are not on your agency’s server yet/)
      .waitFor({ timeout: 30_000 });
    const card = tablet.page.locator('section#connection');
    await card.getByRole('button', { name: 'Export all (JSON)', exact: true }).waitFor();
    expect(await button(tablet, 'Erase this tablet').count()).toBe(0);
    await button(tablet, 'Erase anyway…').click();
    await tablet.page.getByRole('heading', { name: 'Erase everything on this tablet?' }).waitFor();
    await button(tablet, 'Cancel').click();
    expect((await readStore(tablet.page, 'observations')).length).toBe(1);
  });
});
