/**
 * "Needs your attention" in the browser, against a real server (port 0, its own DATA_DIR, codes
 * from the admin command): the page is one device of a provider, a Node device (fake-indexeddb,
 * the same sync client) is her other one. Two notes are edited on both while apart; a third is one
 * the server refuses. She settles both conflicts from "Needs your attention" (one in English, one in
 * Spanish), fixes the refused note, and after a sync both devices hold the same notes, the conflict
 * records closed and still holding both versions: nothing lost. axe clean and no English in
 * Spanish; screenshots at phone and tablet size in both languages.
 *
 * The page is connected by `attention-seed.ts` (the connection saved as enrolment saves it, with a
 * token made here, so the Node device shares the provider) and synced by the app's own
 * `createSyncClient` when the test says so; `sync-conflict.test.ts` does the same through the
 * app's Connect screen on two browsers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isoWeekOf, toCalendarDate } from '../../src/domain/dates';
import { listOpenConflicts } from '../../src/storage/attention';
import { getRecord, listAllRecords } from '../../src/storage/read';
import { saveObservation } from '../../src/storage/write';
import { connectedDevice, VirtualTime, type TestDevice } from '../../src/sync/sim/harness';
import type { AttentionSeed } from './attention-seed';
import { accessibleTexts, ROOT, runAxe, screenshot, SIZES, type ServerHandle } from './harness';
import { englishOnlyMatchers } from './pages';
import { openApp, useBrowserSuite } from './suite';

const suite = useBrowserSuite();

let bundled: string | null = null;
async function injectSeed(page: Page): Promise<void> {
  bundled ??= (
    await build({
      entryPoints: [join(ROOT, 'test/e2e/attention-seed.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    })
  ).outputFiles[0]!.text;
  await page.evaluate(bundled);
}

const seed = (page: Page) =>
  ({
    connect: (c: Parameters<AttentionSeed['connect']>[0]) =>
      page.evaluate((arg) => (window as any).naptimeAttention.connect(arg), c),
    sync: (): ReturnType<AttentionSeed['sync']> =>
      page.evaluate(() => (window as any).naptimeAttention.sync()),
    ids: (): ReturnType<AttentionSeed['ids']> =>
      page.evaluate(() => (window as any).naptimeAttention.ids()),
    seedConflicts: (week: string): Promise<void> =>
      page.evaluate((w) => (window as any).naptimeAttention.seedConflicts(w), week),
    seedUnreadableRejected: (): Promise<string> =>
      page.evaluate(() => (window as any).naptimeAttention.seedUnreadableRejected()),
  }) as const;

/**
 * A server with a stricter rule than this build (say, a shorter limit on a note's text): the push
 * that carries `recordId` reaches the server without it, and its answer says `rejected` for it,
 * with the field and the stable issue key a real rejection carries (SYNC.md §3, §4).
 */
async function refuseOnce(page: Page, recordId: string): Promise<void> {
  await page.route('**/api/v1/sync/push', async (route) => {
    const request = route.request();
    const raw = request.postDataBuffer()!;
    const isGzip = request.headers()['content-encoding'] === 'gzip';
    const body = JSON.parse((isGzip ? gunzipSync(raw) : raw).toString('utf8'));
    const index = body.mutations.findIndex((m: { id: string }) => m.id === recordId);
    if (index < 0) return route.continue();
    const [refused] = body.mutations.splice(index, 1);
    const headers = { ...request.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    const response = await route.fetch({ postData: JSON.stringify(body), headers });
    const json = await response.json();
    json.results.splice(index, 0, {
      mutationId: refused.mutationId,
      status: 'rejected',
      code: 'VALIDATION_FAILED',
      message: 'text: too-long',
      details: [{ path: 'text', message: 'too-long' }],
      quarantineId: 'quarantine-test',
    });
    await route.fulfill({ response, json });
  });
}

function admin(server: ServerHandle, ...args: string[]): any {
  const out = execFileSync(process.execPath, [join(ROOT, 'dist/server/admin.js'), ...args], {
    env: { ...process.env, DATA_DIR: server.dataDir },
  });
  return JSON.parse(out.toString());
}

async function enroll(server: ServerHandle, providerId: string, deviceName: string) {
  const { code } = admin(server, 'enroll-code', '--provider', providerId);
  const res = await fetch(`${server.url}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { deviceId: string; deviceToken: string; providerId: string };
}

async function checkScreen(page: Page, label: string, lang: 'en' | 'es') {
  await screenshot(page, label);
  expect(await runAxe(page), label).toEqual([]);
  if (lang === 'es') {
    const matchers = englishOnlyMatchers(suite.catalogues);
    const english = (await accessibleTexts(page)).filter((text) =>
      matchers.some((m) => m.pattern.test(text)),
    );
    expect(english, label).toEqual([]);
  }
}

const TEXTS = {
  blocks: 'Sofía stacked blocks.',
  blocksHere: 'Sofía stacked four blocks, one by one.',
  blocksThere: 'Sofía stacked five blocks and counted them.',
  song: 'Sofía sang a song.',
  songHere: 'Sofía sang the whole song with me.',
  songThere: 'Sofía sang and clapped.',
  refused:
    'Sofía watered the plants one by one and told me which ones were thirsty. She waited for the water to sink in before the next one.',
  fixed: 'Sofía watered the plants.',
};

describe('Needs your attention', () => {
  it('settles notes edited on two devices while apart and fixes a refused one, nothing lost, in English and Spanish', async () => {
    const { page, app } = await openApp(suite, 'phone');
    const server = suite.server!;
    const { providerId } = admin(server, 'create-provider', '--agency', 'Casa', '--name', 'Rosa');
    const tablet = await enroll(server, providerId, 'tablet');
    const phone = await enroll(server, providerId, 'phone');

    // Written on the tablet (the page), then connected and sent.
    await app.goTo('Children');
    await app.addChild('Sofía');
    await app.writeNote({ child: 'Sofía', text: TEXTS.blocks });
    await app.writeNote({ child: 'Sofía', text: TEXTS.song });
    await injectSeed(page);
    const here = seed(page);
    await here.connect({ ...tablet, providerId });
    expect(await here.sync()).toEqual({ state: 'idle', waiting: 0 });
    const { notes } = await here.ids();

    // Her phone (a Node device) gets both notes and changes their text.
    const time = new VirtualTime();
    time.now = Date.now();
    let other: TestDevice | null = null;
    try {
      other = await connectedDevice(time, (url, init) => fetch(`${server.url}${url}`, init), {
        deviceId: phone.deviceId,
        token: phone.deviceToken,
        providerId,
      });
      await other.client.syncNow();
      for (const [id, text] of [
        [notes[TEXTS.blocks]!, TEXTS.blocksThere],
        [notes[TEXTS.song]!, TEXTS.songThere],
      ] as const) {
        const r = await getRecord(other.db, 'observations', id);
        expect(r?.ok).toBe(true);
        if (!r?.ok) return;
        expect((await saveObservation(other.db, { ...r.record.data, id, text })).ok).toBe(true);
      }
      await other.client.syncNow();
      expect(await other.db.outbox.count()).toBe(0);

      // Meanwhile, on the tablet, she changes the same notes (it has not synced since).
      time.now = Date.now();
      for (const [from, to] of [
        [TEXTS.blocks, TEXTS.blocksHere],
        [TEXTS.song, TEXTS.songHere],
      ] as const) {
        await app.goTo('Home');
        await page.getByRole('link', { name: new RegExp(from) }).click();
        await app.noteText().fill(to);
        await app.saveWith('Save note');
      }
      await app.writeNote({ child: 'Sofía', text: TEXTS.refused });
      const refusedId = (await here.ids()).notes[TEXTS.refused]!;
      await refuseOnce(page, refusedId);
      expect(await here.sync()).toMatchObject({ waiting: 0 });
      await page.unroute('**/api/v1/sync/push');

      // Home says it, the notes say it, quietly for the one that is fine.
      await app.goTo('Home');
      const link = page.getByRole('link', { name: '3 things need your attention' });
      await link.waitFor();
      await expect.poll(() => page.locator('.sync-attention').count(), { timeout: 10_000 }).toBe(2);
      await expect.poll(() => page.locator('.sync-rejected').count()).toBe(1);
      await screenshot(page, 'attention-phone-en-home');

      await link.click();
      await page.getByRole('heading', { name: 'Needs your attention', level: 1 }).waitFor();
      const cards = page.getByRole('article');
      await expect.poll(() => cards.count()).toBe(2);
      const blocks = cards.filter({ hasText: TEXTS.blocksHere });
      // Both versions, in her words: the form's labels, never the field names.
      await expect.poll(() => blocks.textContent()).toContain(TEXTS.blocksThere);
      const words = (await blocks.textContent()) ?? '';
      expect(words).toContain('What I saw and heard');
      expect(words).toContain('Changed on this device');
      expect(words).toContain('Changed on another device');
      expect(words).not.toMatch(/observedAt|childIds|"text"|\btext\b/);
      await expect
        .poll(() => page.getByText('In “What I saw and heard”, it is too long.').count())
        .toBe(1);
      await checkScreen(page, 'attention-phone-en', 'en');
      await page.setViewportSize(SIZES.tablet.viewport!);
      await checkScreen(page, 'attention-tablet-en', 'en');
      await page.setViewportSize(SIZES.phone.viewport!);

      // "Use the other": the phone's text comes back.
      await blocks.getByRole('button', { name: 'Use the other', exact: true }).click();
      await expect.poll(() => cards.count()).toBe(1);

      // In Spanish: the other one, kept as it is on this tablet.
      await app.switchLanguage('es');
      await app.goTo('Home');
      await page.getByRole('link', { name: '2 cosas necesitan su atención' }).click();
      await page.getByRole('heading', { name: 'Necesita su atención', level: 1 }).waitFor();
      await expect.poll(() => cards.count()).toBe(1);
      await checkScreen(page, 'attention-phone-es', 'es');
      await page.setViewportSize(SIZES.tablet.viewport!);
      await checkScreen(page, 'attention-tablet-es', 'es');
      await page.setViewportSize(SIZES.phone.viewport!);
      await cards
        .filter({ hasText: TEXTS.songHere })
        .getByRole('button', { name: 'Quedarme con esta', exact: true })
        .click();
      await expect.poll(() => cards.count()).toBe(0);

      // The refused note: opened, the reason in her words, fixed, saved again.
      await page.getByRole('link', { name: 'Abrir y corregir' }).click();
      await page
        .getByText(
          /El servidor de su agencia no lo aceptó\. En “Lo que vi y escuché”, es demasiado largo\./,
        )
        .waitFor();
      await checkScreen(page, 'attention-phone-es-refused-form', 'es');
      await app.noteText().fill(TEXTS.fixed);
      await app.saveWith('Save note');
      await page.getByText('Nada necesita su atención. Todo está en orden.').waitFor();
      await checkScreen(page, 'attention-phone-es-none', 'es');

      // Sent, and her phone gets every choice: both devices hold the same notes.
      expect(await here.sync()).toEqual({ state: 'idle', waiting: 0 });
      await other.client.syncNow();
      const texts = (await listAllRecords(other.db, 'observations'))
        .map((r) => (r.ok ? r.record.data.text : 'unreadable'))
        .sort();
      expect(texts).toEqual([TEXTS.blocksThere, TEXTS.fixed, TEXTS.songHere].sort());
      expect(await listOpenConflicts(other.db)).toEqual([]);
      // Nothing lost: each closed conflict record still holds both versions.
      const closed = (await listAllRecords(other.db, 'conflicts')).map((r) =>
        r.ok ? r.record.data : null,
      );
      expect(closed).toHaveLength(2);
      const held = JSON.stringify(closed);
      for (const text of [TEXTS.blocksHere, TEXTS.blocksThere, TEXTS.songHere, TEXTS.songThere])
        expect(held).toContain(text);
      expect(closed.map((c) => c?.resolution).sort()).toEqual(['kept', 'used-other']);

      await app.goTo('Home');
      await expect.poll(() => page.locator('.sync-synced').count(), { timeout: 10_000 }).toBe(3);
      await checkScreen(page, 'attention-phone-es-home-synced', 'es');
    } finally {
      other?.close();
    }
  });

  it('shows a child, a check-in, a PDSA plan and a delete in her words; a choice that does not fit says why and changes nothing', async () => {
    const { page, app } = await openApp(suite, 'phone');
    await injectSeed(page);
    const week = isoWeekOf(toCalendarDate(new Date()));
    await seed(page).seedConflicts(week);
    await app.goTo('Home');
    await page.getByRole('link', { name: '4 things need your attention' }).click();
    const cards = page.getByRole('article');
    await expect.poll(() => cards.count()).toBe(4);
    const all = (await page.locator('.attention').textContent()) ?? '';
    for (const words of [
      'Birth month',
      'May 2024',
      'April 2024',
      'Ana Sofía',
      'What will you do?',
      'A note right after nap',
      'When?',
      'Every day at 2',
      'Deleted',
      'Yes, deleted',
      'How many times did you talk with another provider about your work?',
    ])
      expect(all, words).toContain(words);
    expect(all).not.toMatch(/birthMonth|plan\.what|\bp4\b|\bdeleted\b/);
    await checkScreen(page, 'attention-kinds-phone-en', 'en');
    await page.setViewportSize(SIZES.tablet.viewport!);
    await checkScreen(page, 'attention-kinds-tablet-en', 'en');

    // The check-in's other answer does not fit this week's: she is told why, nothing changes.
    const checkin = cards.filter({ hasText: 'How many times did you talk' });
    await checkin.getByRole('button', { name: 'Use the other', exact: true }).click();
    await checkin.getByRole('alert').waitFor();
    expect(await checkin.getByRole('alert').textContent()).toMatch(
      /does not fit with the rest\. In “Of those talks.*”, it is more than your talks with other providers\./,
    );
    await expect.poll(() => cards.count()).toBe(4);
    await checkScreen(page, 'attention-kinds-tablet-en-not-fitting', 'en');

    await app.switchLanguage('es');
    await page.goto(new URL('/attention', page.url()).href);
    await app.waitForShell();
    await expect.poll(() => cards.count()).toBe(4);
    await checkScreen(page, 'attention-kinds-tablet-es', 'es');
    await page.setViewportSize(SIZES.phone.viewport!);
    await checkScreen(page, 'attention-kinds-phone-es', 'es');
  });

  it('shows a refused note this build cannot read, in her words, and lets her keep a copy and discard it, in English and Spanish', async () => {
    const { page, app } = await openApp(suite, 'phone');
    await injectSeed(page);
    const id = await seed(page).seedUnreadableRejected();
    await app.goTo('Home');
    await page.getByRole('link', { name: '1 thing needs your attention' }).click();
    const card = page.locator('.card.rejected');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    for (const words of [
      'An item this device cannot show',
      'In “What I saw and heard”',
      '42',
      'sunny',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toMatch(/wrong-type|expected string|\btext\b|\bmood\b/);
    expect(await card.getByRole('link', { name: 'Open and fix' }).count()).toBe(0);
    // Discard only once she has a copy.
    expect(await card.getByRole('button', { name: 'Discard it' }).count()).toBe(0);
    await checkScreen(page, 'attention-unreadable-phone-en', 'en');

    await app.switchLanguage('es');
    await page.goto(new URL('/attention', page.url()).href);
    await app.waitForShell();
    await card.waitFor();
    expect(await card.textContent()).toContain('Algo que este dispositivo no puede mostrar');
    await checkScreen(page, 'attention-unreadable-phone-es', 'es');
    await app.switchLanguage('en');
    await page.goto(new URL('/attention', page.url()).href);
    await card.waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Save a copy' }).click(),
    ]);
    const copy = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(copy.format).toBe('naptime-export');
    expect(copy.tables.observations).toMatchObject([{ id, data: { text: 42, mood: 'sunny' } }]);
    expect(copy.unreadable.observations).toEqual([id]);

    await card.getByRole('button', { name: 'Discard it' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard it from this device?' });
    await dialog.waitFor();
    expect(await runAxe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Discard it' }).click();
    await page.getByText('Nothing needs your attention. Everything is in order.').waitFor();
  });
});
