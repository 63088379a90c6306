import type { JSX } from 'preact';
import type { MeasureProgress } from '../../../domain/progress';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { COLOURS, marksShown } from './run-chart-config';

type Swatch =
  'dot' | 'hollow' | 'line' | 'triangle' | 'square' | 'pdsa' | 'other' | 'phase' | 'goal';

/** A line across the swatch: upright for a mark at a week, level for a value (median, goal). */
function rule(isUpright: boolean, stroke: string, width: number, dash?: string): JSX.Element {
  const [x1, y1, x2, y2] = isUpright ? [10, 1, 10, 19] : [1, 10, 19, 10];
  return (
    <line
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      stroke={stroke}
      stroke-width={width}
      stroke-dasharray={dash}
    />
  );
}

function Shape({ kind }: { kind: Swatch }): JSX.Element {
  const shapes: Record<Swatch, JSX.Element> = {
    dot: <circle cx="10" cy="10" r="4" fill={COLOURS.point} />,
    hollow: <circle cx="10" cy="10" r="5" fill="#fff" stroke={COLOURS.point} stroke-width="2" />,
    line: rule(false, COLOURS.median, 2),
    triangle: <path d="M10 3 L17 16 L3 16 Z" fill={COLOURS.shift} />,
    square: <rect x="4" y="4" width="12" height="12" fill={COLOURS.trend} />,
    pdsa: rule(true, COLOURS.pdsa, 2, '4 3'),
    other: rule(true, COLOURS.other, 1.5, '2 3'),
    phase: rule(true, COLOURS.phase, 2),
    goal: rule(false, COLOURS.goal, 2, '6 3'),
  };
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {shapes[kind]}
    </svg>
  );
}

/** What each shape and line on the chart means: only those it shows (never colour alone). */
export function ChartLegend({ progress }: { progress: MeasureProgress }): JSX.Element {
  const marks = marksShown(progress);
  const items: [Swatch, MessageKey][] = [
    ['dot', 'progress.legend.week'],
    ['hollow', 'progress.legend.current'],
    ['line', 'progress.legend.median'],
  ];
  if (marks.has('shift')) items.push(['triangle', 'progress.legend.shift']);
  if (marks.has('long-run')) items.push(['triangle', 'progress.legend.longRun']);
  if (marks.has('trend')) items.push(['square', 'progress.legend.trend']);
  if (progress.cycles.length) items.push(['pdsa', 'progress.legend.pdsa']);
  if (progress.otherCycles.length) items.push(['other', 'progress.legend.otherPdsa']);
  if (progress.phaseStarts.length) items.push(['phase', 'progress.legend.phase']);
  if (progress.goal) items.push(['goal', 'progress.legend.goal']);
  return (
    <ul class="chart-legend" aria-label={t('progress.legend')}>
      {items.map(([kind, key]) => (
        <li key={key}>
          <Shape kind={kind} />
          <span>{t(key)}</span>
        </li>
      ))}
    </ul>
  );
}
