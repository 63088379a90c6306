/** How a record is named and opened from "Needs your attention": her words, and its own form. */
import type { RecordTable } from '../../../storage/attention';
import { toCalendarDate } from '../../../domain/dates';
import { weekName } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { noteWhen } from '../notes/note-when';
import type { WordsContext } from './field-words';

type Data = Record<string, unknown>;

/** "Note about Ana, this morning", "Child: Ana", "Weekly check-in, last week", "PDSA: …, cycle 2". */
export function recordTitle(table: RecordTable, data: Data | null, ctx: WordsContext): string {
  if (!data) return t('attention.what.unreadable');
  switch (table) {
    case 'observations': {
      const ids = Array.isArray(data.childIds) ? data.childIds : [];
      const names = ids.map((id) => ctx.childNames.get(String(id)) ?? t('note.unknownChild'));
      const when =
        typeof data.observedAt === 'string'
          ? noteWhen(
              data.observedAt,
              (data.observedAtApprox ?? null) as Parameters<typeof noteWhen>[1],
              toCalendarDate(new Date()),
            )
          : '';
      return t('attention.what.observations', { names: names.join(', '), when });
    }
    case 'children':
      return t('attention.what.children', { name: String(data.name ?? '') });
    case 'checkins':
      return t('attention.what.checkins', {
        week: weekName(String(data.week ?? '')).toLowerCase(),
      });
    case 'pdsa':
      return t('attention.what.pdsa', {
        idea: String(data.changeIdea ?? ''),
        n: Number(data.cycle ?? 1),
      });
    case 'sharing':
      return t('sharing.title');
  }
}

/** The form that edits the record, coming back to "Needs your attention" after a save. */
export function recordHref(table: RecordTable, id: string, data: Data | null): string {
  const from = `?from=${encodeURIComponent('/attention')}`;
  const key = encodeURIComponent(id);
  switch (table) {
    case 'observations':
      return `/notes/${key}${from}`;
    case 'children':
      return `/children/${key}${from}`;
    case 'checkins':
      return `/checkin/${encodeURIComponent(String(data?.week ?? id.replace(/^checkin-/, '')))}${from}`;
    case 'pdsa':
      return `/pdsa/${key}${from}`;
    case 'sharing':
      return '/settings/sharing';
  }
}

/** When a version was written, from its HLC ("Tuesday, December 1, 10:05 AM"). */
export function changedWhen(hlc: string, format: (d: Date) => string): string {
  const ms = Date.parse(hlc.slice(0, 24));
  return Number.isFinite(ms) ? format(new Date(ms)) : '';
}
