import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { isoWeekOf, toCalendarDate } from '../../../domain/dates';
import { weekOf } from '../../i18n/format';
import { t, tn } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';
import { AttentionLink } from '../attention/AttentionLink';
import { CheckinHomeCard } from '../checkin/CheckinHomeCard';
import { CopyReminder } from '../data/CopyReminder';
import { childLabels } from '../children/child-label';
import { useChildren } from '../children/use-children';
import { IdeaList } from '../notes/IdeaList';
import { NoteList } from '../notes/NoteList';
import { useOpenIdeas } from '../notes/use-ideas';
import { WelcomeCard } from '../welcome/WelcomeCard';
import { PdsaHomeCard } from '../pdsa/PdsaHomeCard';
import { useWeekNoteCount, useWeekNotes } from '../notes/use-notes';
import { LazySyncCard } from './LazySyncCard';
import { useUnfinishedNote } from './use-home';

/** Home: a new note in one tap, this week at a glance, her ideas to try next, what waits to sync. */
export function HomePage(): JSX.Element {
  const { route } = useLocation();
  const week = isoWeekOf(toCalendarDate(new Date()));
  const notes = useWeekNotes(week, 3);
  const count = useWeekNoteCount(week);
  const ideas = useOpenIdeas(week);
  const children = useChildren({ includeInactive: true });
  const unfinished = useUnfinishedNote();
  return (
    <section class="page home">
      <h1 class="visually-hidden">{t('home.title')}</h1>
      <WelcomeCard />
      <AttentionLink />
      <button type="button" class="button primary big" onClick={() => route('/notes/new?from=/')}>
        <Icon name="plus" /> {t('note.new')}
      </button>
      {unfinished && (
        <p class="notice">
          {t('home.unfinished')} <a href="/notes/new?from=/">{t('home.continue')}</a>
        </p>
      )}
      <section class="card" aria-labelledby="home-week">
        <h2 id="home-week">
          {t('week.this')} <span class="hint">({weekOf(week)})</span>
        </h2>
        <p>{count === undefined ? t('common.loading') : tn('notes.count', count)}</p>
        <NoteList items={notes} empty={t('home.noNotesYet')} from="/" />
        {count !== undefined && count > 3 && (
          <a href={`/notes?week=${week}`}>{t('home.allNotes')}</a>
        )}
      </section>
      <CheckinHomeCard week={week} />
      <section class="card" aria-labelledby="home-ideas">
        <h2 id="home-ideas">{t('home.ideasTitle')}</h2>
        {ideas === undefined || children === undefined ? null : ideas.length === 0 ? (
          <p class="hint">{t('home.noIdeas')}</p>
        ) : (
          <IdeaList
            ideas={ideas}
            childNames={childLabels(children.flatMap((c) => (c.ok ? [c.record] : [])))}
            from="/"
          />
        )}
      </section>
      <PdsaHomeCard />
      <CopyReminder />
      <LazySyncCard />
    </section>
  );
}
