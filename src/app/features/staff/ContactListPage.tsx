import type { JSX } from 'preact';
import './staff.css';
import { contactCount, type TaContactData } from '../../../domain/agency-records';
import { isoWeekOf } from '../../../domain/dates';
import { dayInWords, weekName } from '../../i18n/format';
import { t, tn } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';
import { useTaContacts } from './use-staff';

/** Her contacts by ISO week, newest first (a week's order is the list's: newest date first). */
export function groupByWeek<T extends { data: TaContactData }>(
  records: readonly T[],
): { week: string; records: T[] }[] {
  const weeks: { week: string; records: T[] }[] = [];
  for (const r of records) {
    const week = isoWeekOf(r.data.date);
    const last = weeks.at(-1);
    if (last?.week === week) last.records.push(r);
    else weeks.push({ week, records: [r] });
  }
  return weeks;
}

/** "María López" or "Group session · group of 6", then what they did together. */
function contactLine(c: TaContactData): { who: string; what: string } {
  const who =
    c.kind === 'group'
      ? `${t('staff.contact.groupName')} · ${t('staff.log.groupOf', { count: c.groupSize ?? 0 })}`
      : `${c.providerName ?? ''} · ${t(`staff.contact.kind.${c.kind}`)}`;
  const topics = [
    c.observation ? t('staff.log.onObservation') : null,
    c.planning ? t('staff.log.onPlanning') : null,
    c.qiData ? t('staff.log.onQi') : null,
  ].filter(Boolean);
  return { who, what: topics.join(', ') };
}

/** "My TA contacts": each week with its count and its survey, each contact a link to edit it. */
export function ContactListPage(): JSX.Element {
  const items = useTaContacts();
  const readable = (items ?? []).flatMap((i) => (i.ok ? [i.record] : []));
  const weeks = groupByWeek(readable);
  return (
    <section class="page staff-log">
      <h1>{t('staff.log.title')}</h1>
      <a class="button primary big" href="/staff/log/new?from=/staff/log">
        <Icon name="plus" /> {t('staff.home.newContact')}
      </a>
      {items === undefined ? (
        <p class="hint">{t('common.loading')}</p>
      ) : weeks.length === 0 ? (
        <p class="hint">{t('staff.log.empty')}</p>
      ) : (
        weeks.map(({ week, records }) => (
          <section key={week} class="card" aria-labelledby={`log-${week}`}>
            <h2 id={`log-${week}`}>
              {weekName(week)}{' '}
              <span class="hint">
                (
                {tn(
                  'staff.log.week',
                  records.reduce((n, r) => n + contactCount(r.data), 0),
                )}
                )
              </span>
            </h2>
            <ul class="card-list">
              {records.map((r) => {
                const line = contactLine(r.data);
                return (
                  <li key={r.id} class="card">
                    <a class="card-link" href={`/staff/log/${r.id}?from=/staff/log`}>
                      <strong>{line.who}</strong>
                      <span>{dayInWords(r.data.date)}</span>
                      {line.what && <span class="hint">{line.what}</span>}
                    </a>
                  </li>
                );
              })}
            </ul>
            <a href={`/staff/survey/${week}`}>{t('staff.log.surveyOfWeek')}</a>
          </section>
        ))
      )}
    </section>
  );
}
