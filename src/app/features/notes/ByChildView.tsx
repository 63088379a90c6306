import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { childLabels } from '../children/child-label';
import { NoteList } from './NoteList';
import { useLatestNotesByChild } from './use-notes';

const LATEST = 3;

/** "By child": every child's latest notes at once, toddlers first, each with a link to the child's page. */
export function ByChildView(): JSX.Element {
  const groups = useLatestNotesByChild(LATEST);
  if (groups === undefined) return <p class="hint">{t('common.loading')}</p>;
  if (groups.length === 0) {
    return (
      <p class="empty">
        {t('notes.noChildren')} <a href="/children/new">{t('children.add')}</a>
      </p>
    );
  }
  const labels = childLabels(groups.map((g) => g.child));
  return (
    <>
      <p class="hint">{t('notes.byChildIntro')}</p>
      {groups.map(({ child, notes }) => {
        const name = labels.get(child.id) ?? child.data.name;
        const page = `/children/${encodeURIComponent(child.id)}/about`;
        return (
          <section key={child.id} class="child-group" aria-labelledby={`group-${child.id}`}>
            <h2 id={`group-${child.id}`}>
              {name}
              {!child.data.active && <span class="hint"> ({t('children.inactive')})</span>}
            </h2>
            <NoteList items={notes} empty={t('notes.emptyChild')} from="/notes?view=child" />
            <a class="more-link" href={page}>
              {t('notes.openChild', { name })}
            </a>
          </section>
        );
      })}
    </>
  );
}
