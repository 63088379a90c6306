/**
 * A collaborative chart as a 1200×675 PNG on white for a meeting, drawn the way Progress saves hers
 * (progress/save-image.ts): the title, whose data and when, the chart from the same configuration
 * on an offscreen canvas, and the sentence; then saved as a download or shared as a file.
 */
import { COLOURS } from '../progress/run-chart-config';
import { drawChartOnto, IMAGE_HEIGHT, IMAGE_WIDTH, saveImage } from '../progress/save-image';
import { pooledConfig, type PooledChart } from './pooled-chart';
import { pooledMedian, pooledSentence, pooledTitle, pooledWords } from './pooled-words';

const MARGIN = 48;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** Draws and saves the PNG of `chart`; `subtitle` says whose data and as of when. */
export async function savePooledImage(chart: PooledChart, subtitle: string): Promise<void> {
  const title = pooledTitle(chart);
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_WIDTH;
  canvas.height = IMAGE_HEIGHT;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT);
  ctx.fillStyle = COLOURS.text;
  ctx.font = `bold 32px ${FONT}`;
  ctx.fillText(title, MARGIN, 62, IMAGE_WIDTH - 2 * MARGIN);
  ctx.font = `22px ${FONT}`;
  ctx.fillStyle = COLOURS.median;
  ctx.fillText(`${subtitle} · ${pooledMedian(chart)}`, MARGIN, 98, IMAGE_WIDTH - 2 * MARGIN);

  drawChartOnto(ctx, pooledConfig(chart, pooledWords(chart), { fontSize: 16 }), {
    x: MARGIN - 16,
    y: 116,
    width: IMAGE_WIDTH - 2 * (MARGIN - 16),
    height: IMAGE_HEIGHT - 124 - 80,
  });

  ctx.font = `24px ${FONT}`;
  ctx.fillStyle = COLOURS.text;
  ctx.fillText(pooledSentence(chart), MARGIN, IMAGE_HEIGHT - 36, IMAGE_WIDTH - 2 * MARGIN);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
  );
  const date = new Intl.DateTimeFormat('en-CA').format(new Date());
  await saveImage(blob, `naptime-${chart.id}-${chart.grain}-${date}.png`, title);
}
