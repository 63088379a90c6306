import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { addWeeks, isIsoWeek, isoWeekOf, toCalendarDate } from '../../../domain/dates';
import { weekName } from '../../i18n/format';
import { t, tn } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';
import { AttentionLink } from '../attention/AttentionLink';
import { ByChildView } from './ByChildView';
import { NoteList } from './NoteList';
import { useWeekNoteCount, useWeekNotes } from './use-notes';

const PAGE = 50;

/** Her notes, by week (weeks named in words) or by child. */
export function NotesPage(): JSX.Element {
  const { query } = useRoute();
  const { route } = useLocation();
  const isByChild = query.view === 'child';
  return (
    <section class="page">
      <div class="page-head">
        <h1>{t('notes.title')}</h1>
        <button type="button" class="button primary" onClick={() => route('/notes/new')}>
          <Icon name="plus" size={20} /> {t('note.new')}
        </button>
      </div>
      <AttentionLink />
      <nav class="segmented" aria-label={t('notes.viewLabel')}>
        <a href="/notes" aria-current={isByChild ? undefined : 'page'}>
          {t('notes.byWeek')}
        </a>
        <a href="/notes?view=child" aria-current={isByChild ? 'page' : undefined}>
          {t('notes.byChild')}
        </a>
      </nav>
      {isByChild ? <ByChildView /> : <ByWeek week={query.week} />}
      <p class="footer-link">
        <a href="/notes/deleted">{t('deleted.title')}</a>
      </p>
    </section>
  );
}

function ByWeek({ week: asked }: { week: string | undefined }): JSX.Element {
  const thisWeek = isoWeekOf(toCalendarDate(new Date()));
  const week = asked && isIsoWeek(asked) ? asked : thisWeek;
  const [limit, setLimit] = useState(PAGE);
  const items = useWeekNotes(week, limit);
  const count = useWeekNoteCount(week);
  const { route } = useLocation();
  const go = (w: string) => {
    setLimit(PAGE);
    route(`/notes?week=${w}`, true);
  };
  return (
    <>
      <div class="week-nav">
        <button
          type="button"
          class="button"
          onClick={() => go(addWeeks(week, -1))}
          aria-label={t('week.previous')}
        >
          ‹
        </button>
        <h2 aria-live="polite">
          {weekName(week)}
          {count !== undefined && <span class="count"> · {tn('notes.count', count)}</span>}
        </h2>
        <button
          type="button"
          class="button"
          onClick={() => go(addWeeks(week, 1))}
          disabled={week >= thisWeek}
          aria-label={t('week.next')}
        >
          ›
        </button>
      </div>
      <NoteList items={items} empty={t('notes.emptyWeek')} from={`/notes?week=${week}`} />
      {count !== undefined && count > limit && (
        <button type="button" class="button wide" onClick={() => setLimit(limit + PAGE)}>
          {t('notes.showMore')}
        </button>
      )}
    </>
  );
}
