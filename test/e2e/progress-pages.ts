/**
 * Helpers of the Progress browser test: the seed bundled for the page (esbuild, iife, src/storage +
 * src/domain) and injected into the app's page, and a page model of the Progress screen that finds
 * things by their accessible names in the current language (from the catalogues' keys).
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './harness';
import type { Catalogues, Lang } from './pages';
import type { SeedOptions, SeedSummary } from './progress-seed';

let bundled: string | null = null;
/** The seed module as one browser script that defines `window.naptimeSeed`. */
export async function bundleSeed(): Promise<string> {
  if (bundled) return bundled;
  const result = await build({
    entryPoints: [join(ROOT, 'test/e2e/progress-seed.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  bundled = result.outputFiles[0]!.text;
  return bundled;
}

/** Injects the seed into the page and writes a year of data into the app's own database. */
export async function seedYearInPage(
  page: Page,
  withPhase: boolean | SeedOptions = false,
): Promise<SeedSummary> {
  const content = await bundleSeed();
  try {
    await page.addScriptTag({ content });
  } catch {
    // A strict Content-Security-Policy refuses an inline <script>; evaluate is not subject to it.
    await page.evaluate(content);
  }
  return page.evaluate(
    (phase) =>
      (
        window as unknown as { naptimeSeed: (p: boolean | SeedOptions) => Promise<SeedSummary> }
      ).naptimeSeed(phase),
    withPhase,
  );
}

/** The Progress screen, in the language of `lang`. */
export class ProgressScreen {
  constructor(
    readonly page: Page,
    readonly catalogues: Catalogues,
    public lang: Lang = 'en',
  ) {}

  /** The catalogue value of `key` in the current language, `{name}` placeholders filled in. */
  text(key: string, params: Record<string, string | number> = {}): string {
    const value = this.catalogues[this.lang][key];
    if (value === undefined) throw new Error(`no catalogue key ${key}`);
    return value.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  }

  /** Switches the language in Settings (the select whose name starts with "Language"). */
  async switchLanguage(lang: Lang): Promise<void> {
    await this.page
      .getByRole('link', { name: this.text('nav.settings'), exact: true })
      .first()
      .click();
    const select = this.page.getByRole('combobox', {
      name: new RegExp(`^${this.text('settings.language')}`),
    });
    await select.selectOption(lang);
    this.lang = lang;
    await this.page
      .getByRole('link', { name: this.text('nav.settings'), exact: true })
      .first()
      .waitFor({ state: 'visible' });
  }

  /** Opens Progress from the navigation and waits for its heading. */
  async open(): Promise<void> {
    await this.page
      .getByRole('link', { name: this.text('nav.progress'), exact: true })
      .first()
      .click();
    await this.page
      .getByRole('heading', { level: 1, name: this.text('progress.title') })
      .waitFor({ state: 'visible', timeout: 20_000 });
  }

  /** The card of one measure, by its title. */
  card(measure: string): Locator {
    const title = this.text(`progress.measure.${measure}`);
    return this.page.getByRole('region', { name: title, exact: true });
  }

  sentence(measure: string): Locator {
    return this.card(measure).locator('p.outcome');
  }

  canvas(measure: string): Locator {
    return this.card(measure).getByRole('img');
  }

  /** Opens the table of numbers of one chart and returns its rows (header row excluded), as cell texts. */
  async tableRows(measure: string): Promise<string[][]> {
    const card = this.card(measure);
    const table = card.getByRole('table');
    if (!(await table.isVisible()))
      await card.getByRole('button', { name: this.text('progress.showTable') }).click();
    await table.waitFor({ state: 'visible' });
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('th, td')].map((c) =>
            (c.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
          ),
        ),
      );
  }

  /** Saves a screenshot of one chart's card to `test-results/screenshots/<name>.png`; returns its path. */
  async cardScreenshot(measure: string, name: string): Promise<string> {
    const path = join(ROOT, 'test-results/screenshots', `${name}.png`);
    await this.card(measure).screenshot({ path, animations: 'disabled' });
    return path;
  }

  /** Scrolls one chart into view (charts are drawn as they come near the screen) and waits for its ink. */
  async drawn(measure: string): Promise<void> {
    await this.canvas(measure).scrollIntoViewIfNeeded();
    await this.canvas(measure).evaluate(
      (el) =>
        new Promise<void>((resolve, reject) => {
          const t0 = Date.now();
          const look = () => {
            if ((el as HTMLCanvasElement).dataset.labels !== undefined) resolve();
            else if (Date.now() - t0 > 15_000) reject(new Error('chart not drawn within 15 s'));
            else requestAnimationFrame(look);
          };
          look();
        }),
    );
  }

  /** The PDSA labels the chart drew (CSS pixels of the canvas), and the canvas's own size. */
  async labelBoxes(measure: string): Promise<{
    boxes: { label: string; x: number; y: number; width: number; height: number }[];
    width: number;
    height: number;
  }> {
    await this.drawn(measure);
    return this.canvas(measure).evaluate((el) => {
      const canvas = el as HTMLCanvasElement;
      const rect = canvas.getBoundingClientRect();
      return {
        boxes: JSON.parse(canvas.dataset.labels ?? '[]'),
        width: rect.width,
        height: rect.height,
      };
    });
  }

  /** How many pixels of the chart's canvas are painted and not white (a blank canvas has none). */
  async inkedPixels(measure: string): Promise<number> {
    await this.drawn(measure);
    return this.canvas(measure).evaluate((el) => {
      const canvas = el as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        const isWhite = data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245;
        if (data[i + 3]! > 0 && !isWhite) inked += 1;
      }
      return inked;
    });
  }
}
