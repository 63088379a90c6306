/**
 * "Save as image" for a team huddle: a 1200×675 PNG on white with the title, the date range and the
 * sentence drawn in, the chart rendered from the same config on an offscreen canvas (animation off).
 * It downloads through `<a download>`; where downloads do nothing (an installed app on iPhone or iPad)
 * it goes to the share sheet as a file instead.
 */
import type { MeasureProgress } from '../../../domain/progress';
import { Chart } from './chart-setup';
import { saveFile } from '../../ui/save-file';
import { COLOURS, toRunChartConfig, type ChartWords } from './run-chart-config';

export const IMAGE_WIDTH = 1200;
export const IMAGE_HEIGHT = 675;
const MARGIN = 48;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** The sentence cut into lines that fit `width` (at most `max` lines, the last one ending in "…"). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    lines.length = max;
    lines[max - 1] = `${lines[max - 1]!.replace(/\s+\S*$/, '')}…`;
  }
  return lines;
}

/** A legend entry of the image: the shape drawn, and its name. */
export type ImageLegendItem = {
  kind: 'dot' | 'median' | 'triangle' | 'square' | 'pdsa' | 'pdsa-other' | 'phase' | 'goal';
  label: string;
};

function drawSwatch(
  ctx: CanvasRenderingContext2D,
  kind: ImageLegendItem['kind'],
  x: number,
  y: number,
): void {
  ctx.save();
  ctx.beginPath();
  if (kind === 'dot') {
    ctx.fillStyle = COLOURS.point;
    ctx.arc(x + 10, y, 6, 0, 2 * Math.PI);
    ctx.fill();
  } else if (kind === 'triangle') {
    ctx.fillStyle = COLOURS.shift;
    ctx.moveTo(x + 10, y - 8);
    ctx.lineTo(x + 19, y + 7);
    ctx.lineTo(x + 1, y + 7);
    ctx.fill();
  } else if (kind === 'square') {
    ctx.fillStyle = COLOURS.trend;
    ctx.fillRect(x + 3, y - 7, 14, 14);
  } else {
    const stroke = {
      median: COLOURS.median,
      pdsa: COLOURS.pdsa,
      'pdsa-other': COLOURS.other,
      phase: COLOURS.phase,
      goal: COLOURS.goal,
    };
    ctx.strokeStyle = stroke[kind];
    ctx.lineWidth = kind === 'pdsa-other' ? 2 : 3;
    if (kind === 'pdsa' || kind === 'pdsa-other') ctx.setLineDash([6, 4]);
    if (kind === 'goal') ctx.setLineDash([12, 6]);
    ctx.moveTo(x, y);
    ctx.lineTo(x + 22, y);
    ctx.stroke();
  }
  ctx.restore();
}

/** Draws the image of one chart and returns it as a PNG. */
export async function chartImage(
  p: MeasureProgress,
  words: ChartWords,
  text: { title: string; range: string; sentence: string; legend: readonly ImageLegendItem[] },
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_WIDTH;
  canvas.height = IMAGE_HEIGHT;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT);
  ctx.fillStyle = COLOURS.text;
  ctx.textBaseline = 'alphabetic';
  ctx.font = `bold 36px ${FONT}`;
  ctx.fillText(text.title, MARGIN, 66, IMAGE_WIDTH - 2 * MARGIN);
  ctx.font = `24px ${FONT}`;
  ctx.fillStyle = COLOURS.median;
  ctx.fillText(text.range, MARGIN, 104, IMAGE_WIDTH - 2 * MARGIN);

  ctx.font = `26px ${FONT}`;
  const lines = wrap(ctx, text.sentence, IMAGE_WIDTH - 2 * MARGIN, 4);
  const sentenceTop = IMAGE_HEIGHT - 36 - lines.length * 36;
  // Every mark shown has its legend entry: entries wrap onto as many rows as they need.
  ctx.font = `20px ${FONT}`;
  const rows: { item: ImageLegendItem; x: number; row: number }[] = [];
  let x = MARGIN;
  let row = 0;
  for (const item of text.legend) {
    const width = 30 + ctx.measureText(item.label).width;
    if (x > MARGIN && x + width > IMAGE_WIDTH - MARGIN) [x, row] = [MARGIN, row + 1];
    rows.push({ item, x, row });
    x += width + 28;
  }
  const legendY = sentenceTop - 20 - row * 32;

  drawChartOnto(ctx, toRunChartConfig(p, words, { fontSize: 18 }), {
    x: MARGIN - 16,
    y: 124,
    width: IMAGE_WIDTH - 2 * (MARGIN - 16),
    height: legendY - 24 - 124,
  });

  ctx.font = `20px ${FONT}`;
  ctx.textBaseline = 'middle';
  for (const { item, x: left, row: r } of rows) {
    drawSwatch(ctx, item.kind, left, legendY + r * 32);
    ctx.fillStyle = COLOURS.text;
    ctx.fillText(item.label, left + 30, legendY + r * 32, IMAGE_WIDTH - MARGIN - left - 30);
  }
  ctx.textBaseline = 'alphabetic';
  ctx.font = `26px ${FONT}`;
  ctx.fillStyle = COLOURS.text;
  lines.forEach((line, i) => ctx.fillText(line, MARGIN, sentenceTop + 30 + i * 36));
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
  );
}

/** Downloads the PNG, or shares it as a file where downloads do nothing (ui/save-file.ts). */
/** Draws a chart off screen at a fixed size (no animation, one pixel per pixel) onto an image. */
export function drawChartOnto(
  ctx: CanvasRenderingContext2D,
  config: ConstructorParameters<typeof Chart>[1],
  at: { x: number; y: number; width: number; height: number },
): void {
  const canvas = document.createElement('canvas');
  canvas.width = at.width;
  canvas.height = at.height;
  const chart = new Chart(canvas, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: 1,
    },
  });
  ctx.drawImage(canvas, at.x, at.y);
  chart.destroy();
}

export async function saveImage(blob: Blob, fileName: string, title: string): Promise<void> {
  await saveFile(blob, fileName, 'image/png', title);
}
