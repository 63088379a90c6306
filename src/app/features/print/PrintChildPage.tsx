import type { JSX } from 'preact';
import { useLocation, useRoute } from 'preact-iso';
import { isCalendarDate, toCalendarDate } from '../../../domain/dates';
import type { StoredRecord } from '../../../domain/envelope';
import type { ObservationData } from '../../../domain/records';
import { isNoteInRange } from '../../../domain/summary-range';
import { t } from '../../i18n/i18n';
import { Field } from '../../ui/Field';
import { childLabels } from '../children/child-label';
import { useChild, useChildren } from '../children/use-children';
import { AREA_KEYS, WITH_KEYS } from '../notes/note-labels';
import { capitalized, dayName, duringWords, noteWhen } from '../notes/note-when';
import { useChildNotes } from '../notes/use-notes';
import { PrintBar } from './PrintBar';
import './print.css';

const DAY_MS = 86_400_000;

/** A child's notes for a date range, laid out for paper (`/print/child/:id?from=&to=`). */
export function PrintChildPage(): JSX.Element {
  const { params, query } = useRoute();
  const { route } = useLocation();
  const id = params.id ?? '';
  const today = toCalendarDate(new Date());
  const to = isCalendarDate(query.to ?? '') ? query.to! : today;
  const from = isCalendarDate(query.from ?? '')
    ? query.from!
    : toCalendarDate(new Date(Date.now() - 29 * DAY_MS));
  const child = useChild(id);
  const notes = useChildNotes(id);
  const roster = useChildren({ includeInactive: true });
  if (child === undefined || notes === undefined || roster === undefined)
    return <p class="page hint">{t('common.loading')}</p>;
  const names = childLabels(roster.flatMap((c) => (c.ok ? [c.record] : [])));
  const name = names.get(id) ?? (child?.ok ? child.record.data.name : t('note.unknownChild'));
  const inRange = notes
    .flatMap((n) => (n.ok ? [n.record as StoredRecord<ObservationData>] : []))
    .filter((n) => isNoteInRange(n.data.observedAt, from, to))
    .reverse();
  const go = (next: { from?: string; to?: string }) =>
    route(
      `/print/child/${encodeURIComponent(id)}?from=${next.from ?? from}&to=${next.to ?? to}`,
      true,
    );
  return (
    <article class="page print-page">
      <PrintBar back={`/children/${encodeURIComponent(id)}/about`} explain="print.explain">
        <Field id="print-from" label={t('print.from')}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={from}
              max={to}
              onChange={(e) => e.currentTarget.value && go({ from: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="print-to" label={t('print.to')}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={to}
              min={from}
              onChange={(e) => e.currentTarget.value && go({ to: e.currentTarget.value })}
            />
          )}
        </Field>
      </PrintBar>
      <h1>{t('print.childTitle', { name })}</h1>
      <p class="print-range">{t('print.range', { from: dayName(from), to: dayName(to) })}</p>
      {inRange.length === 0 ? (
        <p>{t('print.noNotes')}</p>
      ) : (
        <ol class="print-notes">
          {inRange.map((n) => (
            <li key={n.id}>
              <p class="print-when">
                {capitalized(noteWhen(n.data.observedAt, n.data.observedAtApprox ?? null, ''))}
              </p>
              <p class="print-text">{n.data.text}</p>
              <p class="print-tags">
                {[
                  n.data.area && t(AREA_KEYS[n.data.area]),
                  n.data.during && duringWords(n.data.during),
                  n.data.with?.length &&
                    `${t('with.legend')}: ${n.data.with.map((w) => t(WITH_KEYS[w])).join(', ')}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {n.data.nextStep && (
                <p class="print-idea">
                  <strong>{t('note.nextStep')}:</strong> {n.data.nextStep}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <p class="hint">{t('print.madeOn', { date: dayName(today) })}</p>
    </article>
  );
}
