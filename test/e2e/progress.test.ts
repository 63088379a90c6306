/**
 * Progress in the browser (DESIGN.md 6): a year of data seeded through the storage functions in the
 * page (the shape of the pilot's Chart 2), Progress opened offline: the table rows, the marks, the
 * sentence in English and Spanish, the PDSA label, a canvas that is not blank, axe clean in both
 * languages, and screenshots at phone and tablet size (looked at by a person).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ROOT,
  accessibleTexts,
  expectOffline,
  goOffline,
  newContext,
  runAxe,
  screenshot,
  startServer,
  waitForServiceWorkerControl,
} from './harness';
import { useBrowserSuite } from './suite';
import { App, englishOnlyMatchers } from './pages';
import { ProgressScreen, seedYearInPage } from './progress-pages';
import {
  CHANGE_IDEA,
  MISSING_INDEX,
  PDSA_INDEX,
  PHASE_IDEA,
  PHASE_INDEX,
  RISE_START,
  SEED_WEEKS,
} from './progress-seed';

const suite = useBrowserSuite();

/** The Monday of an ISO week as the table words it in her region: "Week of January 26" in en-US (with the year when not this year). */
function weekWords(page: Page, week: string, lang: 'en' | 'es'): Promise<string> {
  return page.evaluate(
    ([w, l]) => {
      const [y, n] = w!.split('-W').map(Number);
      const jan4 = new Date(y!, 0, 4, 12);
      const monday = new Date(jan4);
      monday.setDate(jan4.getDate() - ((jan4.getDay() + 6) % 7) + (n! - 1) * 7);
      const sameYear = monday.getFullYear() === new Date().getFullYear();
      return new Intl.DateTimeFormat(l === 'es' ? 'es' : navigator.language, {
        day: 'numeric',
        month: 'long',
        ...(sameYear ? {} : { year: 'numeric' }),
      }).format(monday);
    },
    [week, lang] as const,
  );
}

/** A `YYYY-MM-DD` day as the page words it in her region: "April 9" in en-US (with the year when not this year). */
function dayWords(page: Page, day: string, lang: 'en' | 'es'): Promise<string> {
  return page.evaluate(
    ([d, l]) => {
      const [y, m, n] = d!.split('-').map(Number);
      const date = new Date(y!, m! - 1, n!, 12);
      const sameYear = y === new Date().getFullYear();
      return new Intl.DateTimeFormat(l === 'es' ? 'es' : navigator.language, {
        day: 'numeric',
        month: 'long',
        ...(sameYear ? {} : { year: 'numeric' }),
      }).format(date);
    },
    [day, lang] as const,
  );
}

describe('Progress', () => {
  it('shows the seeded year offline: table, marks, sentence and PDSA cycle in English and Spanish, a drawn chart, axe clean', async () => {
    suite.server = await startServer();
    suite.context = await newContext(suite.browser, 'phone');
    const page = await suite.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(suite.server.url);
    await waitForServiceWorkerControl(page);
    const app = new App(page, suite.catalogues);
    await app.waitForShell();

    const seeded = await seedYearInPage(page);
    expect(seeded.weeks).toHaveLength(SEED_WEEKS);
    await page.reload({ waitUntil: 'load' });
    await app.waitForShell();
    await goOffline(suite.context, suite.server);
    await page.reload({ waitUntil: 'load' });
    await app.waitForShell();
    await expectOffline(page);

    const progress = new ProgressScreen(page, suite.catalogues, 'en');
    await progress.open();
    const measure = 'p5-of-p4';
    await progress.card(measure).scrollIntoViewIfNeeded();

    // The sentence: a shift up from the first week of the rise, lined up with the PDSA cycle a week before.
    const riseDate = await weekWords(page, seeded.weeks[RISE_START]!, 'en');
    const sentence = (await progress.sentence(measure).textContent()) ?? '';
    const firstCounted = await weekWords(page, seeded.weeks[12]!, 'en');
    expect(sentence).toContain(
      `Something has changed for the better: since the week of ${firstCounted}, 33 of your 36 weeks are above the median of your first 12 weeks.`,
    );
    expect(sentence).toContain(`By chance alone, that happens in`);
    expect(sentence).toContain(`It started 1 week after your PDSA cycle A1, “${CHANGE_IDEA}”.`);
    expect(await progress.sentence(measure).getAttribute('data-claim')).toBe('change');
    void riseDate;

    // The PDSA label under the chart and the canvas's text alternative.
    const pdsaDate = await dayWords(page, seeded.pdsaStart, 'en');
    await progress
      .card(measure)
      .getByText(`A1: cycle 1 of “${CHANGE_IDEA}”, started ${pdsaDate}.`, { exact: false })
      .waitFor({ state: 'visible' });
    expect(
      await progress.card(measure).getByRole('listitem').filter({ hasText: CHANGE_IDEA }).count(),
    ).toBe(1);
    const alt = (await progress.canvas(measure).getAttribute('aria-label')) ?? '';
    expect(alt).toContain('% of peer talks about toddlers');
    expect(alt).toContain('Median 60%, from the first 12 weeks');
    expect(alt).toContain(sentence);

    await progress.cardScreenshot(measure, 'progress-card-phone-en');

    // The canvas is drawn (not blank), on every chart.
    for (const m of ['notes', 'notes-with-idea', 'p2', 'p3', 'p5-of-p4', 'p6']) {
      expect(await progress.inkedPixels(m), m).toBeGreaterThan(2000);
    }

    // The table: 52 complete weeks and this week; values, n/d, median and marks.
    const rows = await progress.tableRows(measure);
    expect(rows).toHaveLength(SEED_WEEKS + 1);
    expect(rows[0]).toEqual([
      `Week of ${await weekWords(page, seeded.weeks[0]!, 'en')}`,
      '60% (3 / 5)',
      '60%',
      '',
    ]);
    expect(rows[PDSA_INDEX]![3]).toBe(`Trend; PDSA A1 starts: cycle 1 of “${CHANGE_IDEA}”`);
    expect(rows[RISE_START]!.slice(1)).toEqual(['65% (13 / 20)', '60%', 'Shift; Trend']);
    expect(rows[41]!.slice(1)).toEqual(['80% (4 / 5)', '60%', 'Shift']);
    expect(rows[18]![3]).toBe('Trend'); // 50 → 55.6 → 65 …: the rise's trend starts at the dip before it
    expect(rows[MISSING_INDEX]!.slice(1)).toEqual(['No data', '60%', '']);
    expect(rows[SEED_WEEKS]![3]).toBe('not finished yet');
    expect(rows.slice(0, 18).every((r) => r[3] === '')).toBe(true);

    // The legend says what the shapes mean (never colour alone).
    const legend = progress.card(measure).getByRole('list', { name: 'What the marks mean' });
    expect(await legend.textContent()).toContain(
      'Shift: 6 or more weeks in a row on one side of the median',
    );
    expect(await legend.textContent()).toContain(
      'Trend: 5 or more weeks in a row going up, or going down',
    );

    // Save as image: a 1200×675 PNG, downloaded.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      progress.card(measure).getByRole('button', { name: 'Save as image' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^naptime-p5-of-p4-\d{4}-\d{2}-\d{2}\.png$/);
    const imagePath = join(ROOT, 'test-results/screenshots/progress-image-en.png');
    await download.saveAs(imagePath);
    const png = readFileSync(imagePath);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 675]);

    // The median of all weeks instead, for this chart only; saved, so it is still chosen after a reload.
    await progress.card(measure).getByRole('radio', { name: 'All weeks' }).click();
    await progress
      .card(measure)
      .getByText(/· Median [\d.]+%, from all weeks/)
      .waitFor({ state: 'visible' });
    await progress
      .card('p2')
      .getByText(/· Median [\d.]+, from the first 12 weeks/)
      .waitFor({ state: 'visible' });
    await page.reload({ waitUntil: 'load' });
    await progress
      .card(measure)
      .getByText(/· Median [\d.]+%, from all weeks/)
      .waitFor({ state: 'visible' });
    await progress.card(measure).getByRole('radio', { name: 'The first 12 weeks' }).click();
    await progress
      .card(measure)
      .getByText('· Median 60%, from the first 12 weeks')
      .waitFor({ state: 'visible' });

    // The Anhøj rules, chosen in Settings, read the same rise as a long run.
    await page.getByRole('link', { name: 'Settings', exact: true }).first().click();
    // The chart rules sit under Settings > Advanced.
    await page.locator('details.advanced > summary').click();
    await page.getByRole('radio', { name: 'Anhøj rules' }).check();
    await progress.open();
    await progress
      .sentence(measure)
      .getByText(/Something has changed for the better: since the week of/)
      .waitFor(); // the claim follows the evidence, not the rules
    await page.getByRole('link', { name: 'Settings', exact: true }).first().click();
    // The chart rules sit under Settings > Advanced.
    await page.locator('details.advanced > summary').click();
    await page.getByRole('radio', { name: 'IHI rules' }).check();
    await progress.open();
    await progress.card(measure).scrollIntoViewIfNeeded();

    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'progress-phone-en');
    expect(await progress.card(measure).getByRole('table').count()).toBe(0); // closed again after moving between screens
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.waitForTimeout(300); // Chart.js redraws on resize
    await screenshot(page, 'progress-tablet-en');
    await progress.cardScreenshot(measure, 'progress-card-tablet-en');
    await page.setViewportSize({ width: 390, height: 844 });

    // Spanish: the same chart, read out in Spanish.
    await progress.switchLanguage('es');
    await progress.open();
    const riseDateEs = await weekWords(page, seeded.weeks[RISE_START]!, 'es');
    const sentenceEs = (await progress.sentence(measure).textContent()) ?? '';
    void riseDateEs;
    expect(sentenceEs).toContain(
      `Algo cambió para bien: desde la semana del ${await weekWords(page, seeded.weeks[12]!, 'es')}, 33 de sus 36 semanas`,
    );
    expect(sentenceEs).toContain(`Empezó 1 semana después de su ciclo PDSA A1, “${CHANGE_IDEA}”.`);
    const pdsaDateEs = await dayWords(page, seeded.pdsaStart, 'es');
    await progress
      .card(measure)
      .getByText(`A1: ciclo 1 de “${CHANGE_IDEA}”, empezó el ${pdsaDateEs}.`, { exact: false })
      .waitFor({ state: 'visible' });
    await progress.cardScreenshot(measure, 'progress-card-phone-es');
    const rowsEs = await progress.tableRows(measure);
    expect(rowsEs[RISE_START]![3]).toBe('Desplazamiento; Tendencia');
    expect(rowsEs[MISSING_INDEX]![1]).toBe('Sin datos');
    await progress.card(measure).getByRole('table').scrollIntoViewIfNeeded();
    await screenshot(page, 'progress-table-phone-es');
    expect(await progress.inkedPixels(measure)).toBeGreaterThan(2000);
    const matchers = englishOnlyMatchers(suite.catalogues);
    const english = (await accessibleTexts(page)).filter((text) =>
      matchers.some((m) => m.pattern.test(text)),
    );
    expect(english).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'progress-phone-es');
    expect(errors).toEqual([]);
  });

  it('starts a new phase at a cycle marked so (own median, read on its own, boundary in the table); shares the image where downloads do nothing', async () => {
    suite.server = await startServer();
    suite.context = await newContext(suite.browser, 'phone');
    const page = await suite.context.newPage();
    await page.goto(suite.server.url);
    const app = new App(page, suite.catalogues);
    await app.waitForShell();
    await seedYearInPage(page, true);
    await page.reload({ waitUntil: 'load' });
    await app.waitForShell();
    const progress = new ProgressScreen(page, suite.catalogues, 'en');
    await progress.open();
    const measure = 'p5-of-p4';
    // The new phase (16 weeks around 80 %) has its own frozen median and no signal of its own.
    await progress
      .card(measure)
      .getByText('· Median 80%, from the first 12 weeks')
      .waitFor({ state: 'visible' });
    expect(await progress.sentence(measure).textContent()).toBe(
      'The ups and downs look like ordinary variation: no sign of a change yet.',
    );
    await progress.card(measure).scrollIntoViewIfNeeded();
    await progress.cardScreenshot(measure, 'progress-card-phases-phone-en');
    const rows = await progress.tableRows(measure);
    expect(rows[PHASE_INDEX]![3]).toBe(`New phase; PDSA A2 starts: cycle 2 of “${PHASE_IDEA}”`);
    expect(rows[PHASE_INDEX - 1]![2]).toBe('60%');
    expect(rows[PHASE_INDEX]![2]).toBe('80%');
    expect(rows[PHASE_INDEX - 1]![3]).toBe('Shift'); // the earlier phase keeps its own marks
    expect(await runAxe(page)).toEqual([]);

    // Installed on an iPhone, where <a download> does nothing: the image goes to the share sheet as a file.
    await page.evaluate(() => {
      const w = window as unknown as { shared: unknown };
      Object.defineProperty(navigator, 'standalone', { value: true, configurable: true });
      navigator.canShare = () => true;
      navigator.share = async (data?: ShareData) => {
        w.shared = {
          title: data?.title,
          files: (data?.files ?? []).map((f) => ({ name: f.name, type: f.type, size: f.size })),
        };
      };
    });
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await progress.card(measure).getByRole('button', { name: 'Save as image' }).click();
    const shared = await (
      await page.waitForFunction(() => (window as unknown as { shared?: unknown }).shared)
    ).jsonValue();
    expect(shared).toMatchObject({
      title: '% of peer talks about toddlers',
      files: [{ type: 'image/png', name: expect.stringMatching(/^naptime-p5-of-p4-.*\.png$/) }],
    });
    expect((shared as { files: { size: number }[] }).files[0]!.size).toBeGreaterThan(10_000);
    expect(downloads).toBe(0);
  });

  it('30 weeks, a phase-starting cycle on one measure: that chart reads the phase before and credits it, the others do not; labels inside the canvas at 390 px; Spanish; axe clean', async () => {
    suite.server = await startServer();
    suite.context = await newContext(suite.browser, 'phone');
    const page = await suite.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(suite.server.url);
    const app = new App(page, suite.catalogues);
    await app.waitForShell();
    await seedYearInPage(page, { withPhase: true, weeks: 30, phaseIndex: 24 });
    await page.reload({ waitUntil: 'load' });
    await app.waitForShell();
    const progress = new ProgressScreen(page, suite.catalogues, 'en');
    await progress.open();
    const measure = 'p5-of-p4';
    const sentence = (await progress.sentence(measure).textContent()) ?? '';
    // The new phase (weeks 25–30) has 6 of 12 weeks: the chart says so and reads the phase before it.
    expect(sentence).toMatch(
      new RegExp(
        `^Your new phase since your cycle A2 \\(“${PHASE_IDEA}”\\) has 6 of 12 weeks\\. Until it has 12, this reads the weeks before it:`,
      ),
    );
    expect(sentence).toMatch(/this could happen by chance in about 1 chart in \d+ this long/); // a rise, but not yet sure
    const readings = progress.card(measure).locator('li.cycle-reading');
    expect(await readings.count()).toBe(2);
    expect(await readings.nth(1).textContent()).toMatch(
      /^A2: cycle 2 of .* 24 weeks before it, 6 since\. /,
    );
    for (const other of ['notes', 'notes-with-idea', 'p2', 'p3', 'p6']) {
      expect(await progress.sentence(other).textContent(), other).not.toMatch(/PDSA|cycle|phase/);
      expect(await progress.card(other).locator('li.cycle-reading').count(), other).toBe(0);
      expect(
        await progress.card(other).locator('li.cycle-other').first().textContent(),
        other,
      ).toContain('so this chart does not read it');
    }
    // The short labels sit inside the canvas, above the plot, at phone width.
    const { boxes, width, height } = await progress.labelBoxes(measure);
    expect(boxes.map((b) => b.label)).toEqual(['A1', 'A2']);
    for (const b of boxes) {
      expect(b.x, b.label).toBeGreaterThanOrEqual(0);
      expect(b.y, b.label).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, b.label).toBeLessThanOrEqual(width);
      expect(b.y + b.height, b.label).toBeLessThanOrEqual(height);
    }
    const legend =
      (await progress
        .card(measure)
        .getByRole('list', { name: 'What the marks mean' })
        .textContent()) ?? '';
    expect(legend).toContain('Solid line: a new phase begins, with its own median');
    expect(await runAxe(page)).toEqual([]);
    await progress.cardScreenshot(measure, 'progress-card-newphase-phone-en');
    await progress.cardScreenshot('p2', 'progress-card-othermeasure-phone-en');

    await progress.switchLanguage('es');
    await progress.open();
    const es = (await progress.sentence(measure).textContent()) ?? '';
    expect(es).toMatch(
      /^Su fase nueva, desde su ciclo A2 .* tiene 6 de 12 semanas\. Hasta que tenga 12, esto lee las semanas de antes:/,
    );
    expect(await progress.sentence('p2').textContent()).not.toMatch(/PDSA|ciclo|fase/);
    await progress.drawn(measure);
    expect(await runAxe(page)).toEqual([]);
    await progress.cardScreenshot(measure, 'progress-card-newphase-phone-es');
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.waitForTimeout(300);
    await screenshot(page, 'progress-newphase-tablet-es');
    expect(errors).toEqual([]);
  });

  it('says plainly that there is no data yet on a new device, with no chart', async () => {
    suite.server = await startServer();
    suite.context = await newContext(suite.browser, 'phone');
    const page = await suite.context.newPage();
    await page.goto(suite.server.url);
    const app = new App(page, suite.catalogues);
    await app.waitForShell();
    const progress = new ProgressScreen(page, suite.catalogues, 'en');
    await progress.open();
    await page.getByText(suite.catalogues.en['progress.empty']!).waitFor({ state: 'visible' });
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
  });
});
