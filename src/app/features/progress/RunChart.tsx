import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Chart } from './chart-setup';
import type { RunChartConfig } from './run-chart-config';

/**
 * One run chart: owns only the Chart.js instance's lifecycle (STYLE.md 6). The canvas is an image
 * with a text alternative that says what the chart shows; the fallback content says it again.
 */
export function RunChart({ config, label }: { config: RunChartConfig; label: string }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="run-chart">
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
