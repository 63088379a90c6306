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
 * One run chart: owns only the Chart.js instance's lifecycle (src/README.md 6). The canvas is an image
 * with a text alternative that says what the chart shows; the fallback content says it again.
 */
export function RunChart({ config, label }: { config: RunChartConfig; label: string }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: Chart | undefined;
    const cancel = inTurn(() => {
      if (canvas.current) chart = new Chart(canvas.current, config);
    });
    return () => {
      cancel();
      chart?.destroy();
    };
  }, [config]);
  return (
    <div class="run-chart">
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
