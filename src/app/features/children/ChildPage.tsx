import type { JSX } from 'preact';
import { useRoute } from 'preact-iso';
import { ageBand } from '../../../domain/children';
import { countByArea, fewLately, type AreaCount } from '../../../domain/child-summary';
import { toCalendarDate } from '../../../domain/dates';
import type { StoredRecord } from '../../../domain/envelope';
import type { ObservationData } from '../../../domain/records';
import { t, tn } from '../../i18n/i18n';
import { IdeaList } from '../notes/IdeaList';
import { NoteList } from '../notes/NoteList';
import { AREA_KEYS } from '../notes/note-labels';
import { useChildIdeas } from '../notes/use-ideas';
import { useChildNotes } from '../notes/use-notes';
import { AGE_KEYS } from './age-labels';
import { childLabels } from './child-label';
import { useChild, useChildren } from './use-children';

function areaName(area: AreaCount['area']): string {
  return area ? t(AREA_KEYS[area]) : t('child.noArea');
}

/** A page per child: notes by area of development, the areas with few notes lately, her ideas. */
export function ChildPage(): JSX.Element {
  const { params } = useRoute();
  const id = params.id ?? '';
  const child = useChild(id);
  const notes = useChildNotes(id);
  const ideas = useChildIdeas(id);
  const roster = useChildren({ includeInactive: true });
  if (child === undefined || notes === undefined) {
    return <p class="page hint">{t('common.loading')}</p>;
  }
  if (child === null || !child.ok) {
    return (
      <section class="page">
        <h1>{t(child === null ? 'children.missing' : 'common.unreadable')}</h1>
        <a href="/children">{t('children.title')}</a>
      </section>
    );
  }
  const today = toCalendarDate(new Date());
  const readable = notes.flatMap((n) => (n.ok ? [n.record as StoredRecord<ObservationData>] : []));
  const counts = countByArea(
    readable.map((n) => n.data),
    today,
  );
  const few = fewLately(counts);
  const band = ageBand(child.record.data.birthMonth, today);
  const names = childLabels((roster ?? []).flatMap((c) => (c.ok ? [c.record] : [])));
  const name = names.get(id) ?? child.record.data.name;
  const here = `/children/${encodeURIComponent(id)}/about`;
  return (
    <section class="page child-page">
      <h1>{t('child.title', { name })}</h1>
      <p class="hint">
        {band ? t(AGE_KEYS[band]) : t('age.notSet')} · {tn('notes.count', readable.length)}
      </p>
      <p>{t('child.intro')}</p>
      <p class="data-actions">
        <a class="button" href={`/print/child/${encodeURIComponent(id)}`}>
          {t('child.print')}
        </a>
        <a class="button" href={`/children/${encodeURIComponent(id)}`}>
          {t('child.edit')}
        </a>
      </p>
      <section class="card" aria-labelledby="child-few">
        <h2 id="child-few">{t('child.fewLately')}</h2>
        {few.length === 0 ? (
          <p>{t('child.allCovered')}</p>
        ) : (
          <>
            <p class="hint">{t('child.fewLatelyHint')}</p>
            <ul class="plain-list">
              {few.map((area) => (
                <li key={area}>{areaName(area)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section class="card" aria-labelledby="child-ideas">
        <h2 id="child-ideas">{t('child.ideas')}</h2>
        {ideas === undefined ? null : ideas.length === 0 ? (
          <p class="hint">{t('child.noIdeas')}</p>
        ) : (
          <IdeaList ideas={ideas} childNames={names} from={here} showsChildren={false} />
        )}
      </section>
      <h2>{t('child.byArea')}</h2>
      {counts.map((c) => (
        <section
          key={c.area ?? 'none'}
          class="area-group"
          aria-labelledby={`area-${c.area ?? 'none'}`}
        >
          <h3 id={`area-${c.area ?? 'none'}`}>
            {areaName(c.area)}{' '}
            <span class="hint">
              ({tn('child.areaCount', c.total)}
              {c.total > 0 && `, ${t('child.recent', { count: c.recent })}`})
            </span>
          </h3>
          {c.total > 0 && (
            <NoteList
              items={readable
                .filter((n) => (n.data.area ?? null) === c.area)
                .map((record) => ({ ok: true as const, record }))}
              empty=""
              from={here}
            />
          )}
        </section>
      ))}
    </section>
  );
}
