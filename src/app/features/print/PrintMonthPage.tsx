import type { JSX } from 'preact';
import { useLocation, useRoute } from 'preact-iso';
import { toCalendarDate, weekMonday } from '../../../domain/dates';
import { pdsaStatus } from '../../../domain/pdsa';
import type { CheckinData } from '../../../domain/records';
import type { MessageKey } from '../../i18n/en';
import { dateFormat, t } from '../../i18n/i18n';
import { Field } from '../../ui/Field';
import { dayName } from '../notes/note-when';
import { ACT_KEYS, STATUS_KEYS } from '../pdsa/pdsa-labels';
import { PrintBar } from './PrintBar';
import { useMonthSummary } from './use-print';
import './print.css';

const QUESTIONS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] as const;

function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return dateFormat({ month: 'long', year: 'numeric' }).format(new Date(y!, m! - 1, 15));
}

function CheckinTable({ checkins }: { checkins: { data: CheckinData }[] }): JSX.Element {
  return (
    <table class="print-table">
      <thead>
        <tr>
          <th scope="col">{t('print.question')}</th>
          {checkins.map((c) => (
            <th key={c.data.week} scope="col">
              {t('week.of', { date: dayName(weekMonday(c.data.week)) })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {QUESTIONS.map((q) => (
          <tr key={q}>
            <th scope="row">{t(`sheet.checkin.${q}` as MessageKey)}</th>
            {checkins.map((c) => (
              <td key={c.data.week}>{c.data[q] ?? '–'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Her check-ins and PDSA cycles of one month, laid out for paper (`/print/month?month=YYYY-MM`). */
export function PrintMonthPage(): JSX.Element {
  const { query } = useRoute();
  const { route } = useLocation();
  const today = toCalendarDate(new Date());
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(query.month ?? '')
    ? query.month!
    : today.slice(0, 7);
  const summary = useMonthSummary(month);
  return (
    <article class="page print-page">
      <PrintBar back="/settings" explain="print.explainMonth">
        <Field id="print-month" label={t('print.month')}>
          {(c) => (
            <input
              {...c}
              type="month"
              value={month}
              onChange={(e) =>
                e.currentTarget.value && route(`/print/month?month=${e.currentTarget.value}`, true)
              }
            />
          )}
        </Field>
      </PrintBar>
      <h1>{t('print.monthTitle', { month: monthName(month) })}</h1>
      {summary === undefined ? (
        <p class="hint">{t('common.loading')}</p>
      ) : (
        <>
          <h2>{t('print.checkins')}</h2>
          {summary.checkins.length === 0 ? (
            <p>{t('print.noCheckins')}</p>
          ) : (
            <CheckinTable checkins={summary.checkins} />
          )}
          <h2>{t('print.cycles')}</h2>
          {summary.cycles.length === 0 && <p>{t('print.noCycles')}</p>}
          {summary.cycles.map(({ id, data: c }) => (
            <section key={id} class="print-cycle">
              <h3>{c.changeIdea}</h3>
              <p class="print-when">
                {t('print.cycleLine', {
                  n: c.cycle,
                  status: t(STATUS_KEYS[pdsaStatus(c)]),
                  date: dayName(c.startDate),
                })}
              </p>
              {c.objective && <p>{c.objective}</p>}
              {c.plan.what && <p>{c.plan.what}</p>}
              {c.questions.length > 0 && (
                <ul>
                  {c.questions.map((q, i) => (
                    <li key={i}>
                      {[q.question, q.prediction, q.result].filter(Boolean).join(' → ')}
                    </li>
                  ))}
                </ul>
              )}
              {c.learned && <p>{c.learned}</p>}
              {c.act && (
                <p>
                  <strong>{t(ACT_KEYS[c.act])}</strong>
                  {c.nextStep ? ` — ${c.nextStep}` : ''}
                </p>
              )}
            </section>
          ))}
        </>
      )}
      <p class="hint">{t('print.madeOn', { date: dayName(today) })}</p>
    </article>
  );
}
