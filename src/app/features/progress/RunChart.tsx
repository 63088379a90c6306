import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Chart } from './chart-setup';
import type { RunChartConfig } from './run-chart-config';

let turn: Promise<void> = Promise.resolve();

/**
 * Runs `draw` in a task of its own, after the charts queued before it: six charts drawn in one task
 * froze an old tablet for over a second, one per task keeps the page answering between them.
 * Returns a cancel function for a chart that leaves the screen before its turn.
 */
function inTurn(draw: () => void): () => void {
  let isCancelled = false;
  turn = turn.then(
    () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          if (!isCancelled) draw();
          resolve();
        }, 0),
      ),
  );
  return () => {
    isCancelled = true;
  };
}

/**
 * Draws a throwaway three-point chart on a canvas that is never shown, in a task of its own, while
 * Progress waits for its rows: the first chart of a page cost twice the next one on an old tablet
 * (Chart.js's code compiled on first use, the first text measured, the first canvas transform),
 * 0.7 s against 0.3 s at 4× CPU throttle. Paid here, in time the page spends waiting on IndexedDB,
 * the first real chart costs what the others do.
 */
export function warmUpCharts(): void {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 160;
  let chart: Chart | undefined;
  // Four short tasks rather than one long one: the first text measured, Chart.js's set-up (a canvas
  // outside the page is not drawn by the constructor), its layout and drawing, and the clean-up.
  inTurn(() => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.font = '12px sans-serif';
    ctx.measureText('26 Jan');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  });
  inTurn(() => {
    chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          {
            data: [
              { x: 0, y: 1 },
              { x: 1, y: 3 },
              { x: 2, y: 2 },
            ],
            pointStyle: ['circle', 'triangle', 'rectRot'],
            pointRadius: [3.5, 6, 3.5],
          },
        ],
      },
      options: {
        animation: false,
        responsive: false,
        parsing: false,
        normalized: true,
        events: [],
        scales: { x: { type: 'linear', ticks: { callback: String } }, y: { type: 'linear' } },
        plugins: {
          annotation: { annotations: { warm: { type: 'line', scaleID: 'x', value: 1 } } },
        },
      },
    });
  });
  inTurn(() => chart?.update());
  inTurn(() => chart?.destroy());
}

/**
 * Calls `show` once `element` comes near the screen (within 200 px), and returns a stop function.
 * Charts below the fold are drawn only as she scrolls to them: on an old tablet, six charts at
 * once kept the first ones from showing (the sentences and tables need no canvas and are already there).
 */
function whenNearScreen(element: Element, show: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    show();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      show();
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * One run chart: owns only the Chart.js instance's lifecycle (src/README.md 6). The canvas is an image
 * with a text alternative that says what the chart shows; the fallback content says it again.
 * `makeConfig` is called only when the chart is drawn: a chart she never scrolls to costs nothing
 * (its 157 week labels and styles are not built while the page first shows).
 */
export function RunChart({
  makeConfig,
  label,
}: {
  makeConfig: () => RunChartConfig;
  label: string;
}): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: Chart | undefined;
    let cancel = () => {};
    const stop = canvas.current
      ? whenNearScreen(canvas.current, () => {
          cancel = inTurn(() => {
            if (canvas.current) chart = new Chart(canvas.current, makeConfig());
          });
        })
      : () => {};
    return () => {
      stop();
      cancel();
      chart?.destroy();
    };
  }, [makeConfig]);
  return (
    <div class="run-chart">
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
