import type { JSX } from 'preact';
import type { ParetoBar } from '../../../domain/agency/staff-measures';
import { numberFormat, t, tn } from '../../i18n/i18n';

const percent = (n: number) => `${numberFormat({ maximumFractionDigits: 0 }).format(n)}%`;

/**
 * Barriers as a Pareto chart: bars from the most named down, each with its share of her surveyed
 * weeks, and the running share of all mentions. Drawn as a list, so every number is also text.
 */
export function ParetoBars({
  bars,
  staffWeeks,
}: {
  bars: readonly ParetoBar[];
  staffWeeks: number;
}): JSX.Element {
  return (
    <section class="card" aria-labelledby="staff-barriers">
      <h2 id="staff-barriers">{t('staff.measures.barriers')}</h2>
      {bars.length === 0 ? (
        <p class="hint">{t('staff.measures.barriersNone')}</p>
      ) : (
        <>
          <p class="hint">{tn('staff.measures.barriersOf', staffWeeks)}</p>
          <ol class="pareto">
            {bars.map((b) => (
              <li key={b.barrier}>
                <span class="pareto-label">{t(`staff.barrier.${b.barrier}`)}</span>
                <span class="pareto-track" aria-hidden="true">
                  <span class="pareto-bar" style={{ width: `${Math.min(100, b.percent)}%` }} />
                </span>
                <span class="pareto-text">
                  {tn('staff.measures.barrierRow', b.count, {
                    percent: percent(b.percent),
                    cumulative: percent(b.cumulativePercent),
                  })}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
