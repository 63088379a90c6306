import type { JSX } from 'preact';
import type { SharedProvider, SharedWeek } from '../../../domain/agency/consent';
import type { MessageKey } from '../../i18n/en';
import { dayInWords, weekOf } from '../../i18n/format';
import { t, tn } from '../../i18n/i18n';
import { SharedCycles } from './SharedCycles';

/** The weeks the example spells out; the rest are said in one line ("and 30 weeks before"). */
const WEEKS_SHOWN = 3;

const CHECKIN_LABELS: readonly [keyof NonNullable<SharedWeek['checkin']>, MessageKey][] = [
  ['p1', 'sharing.p1'],
  ['p2', 'progress.measure.p2'],
  ['p3', 'progress.measure.p3'],
  ['p4', 'sharing.p4'],
  ['p5', 'sharing.p5'],
  ['p6', 'progress.measure.p6'],
];

function Week({ week }: { week: SharedWeek }): JSX.Element {
  return (
    <li class="shared-week">
      <p>
        <strong>{weekOf(week.week)}</strong>
      </p>
      <p>{t('sharing.notesCount', { notes: week.notes, withIdea: week.notesWithIdea })}</p>
      {week.checkin ? (
        <dl class="shared-answers">
          {CHECKIN_LABELS.map(([field, label]) => (
            <div key={field}>
              <dt>{t(label)}</dt>
              <dd>{week.checkin![field] ?? t('attention.empty')}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="hint">{t('sharing.noCheckin')}</p>
      )}
    </li>
  );
}

/** What her coach reads at a level, from her own data: the newest weeks, and her cycles. */
export function SharedExample({ view }: { view: SharedProvider | null }): JSX.Element {
  if (!view) return <p>{t('sharing.exampleNothing')}</p>;
  const newest = [...view.weeks].reverse();
  const shown = newest.slice(0, WEEKS_SHOWN);
  const more = newest.length - shown.length;
  return (
    <div class="shared-example">
      {view.firstUseAt && (
        <p>{t('sharing.firstUseOn', { date: dayInWords(view.firstUseAt.slice(0, 10)) })}</p>
      )}
      {shown.length === 0 ? (
        <p>{t('sharing.exampleEmpty')}</p>
      ) : (
        <ul class="shared-weeks">
          {shown.map((w) => (
            <Week key={w.week} week={w} />
          ))}
        </ul>
      )}
      {more > 0 && <p class="hint">{tn('sharing.exampleMore', more)}</p>}
      {view.level === 'numbers-and-pdsa' && (
        <>
          <h3>{t('sharing.cycles')}</h3>
          <SharedCycles cycles={view.cycles} />
        </>
      )}
    </div>
  );
}
