/**
 * Chart.js, registered with only the parts the run charts use (tree-shaken), and only ever imported
 * from this feature, so that it ships in the Progress chunk and never in the first screen.
 */
import { Chart, LineController, LineElement, LinearScale, PointElement } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

Chart.register(LineController, LineElement, PointElement, LinearScale, annotationPlugin);

export { Chart };
