import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { pdsaStatus, type ChangeIdeaGroup } from '../../../domain/pdsa';
import { t } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';
import { dayInWords } from '../../i18n/format';
import { AttentionLink } from '../attention/AttentionLink';
import { SyncBadge } from '../attention/SyncBadge';
import { useRecordStates, type RecordState } from '../attention/use-attention';
import { statusWord } from './pdsa-words';
import { useChangeIdeas, type PdsaRecord } from './use-pdsa';

/** Her change ideas, each with its numbered cycles and where each one is; a new idea in one tap. */
export function PdsaListPage(): JSX.Element {
  const { route } = useLocation();
  const found = useChangeIdeas();
  const stateOf = useRecordStates('pdsa');
  return (
    <section class="page">
      <div class="page-head">
        <h1>{t('pdsa.title')}</h1>
        <button type="button" class="button primary" onClick={() => route('/pdsa/new')}>
          <Icon name="plus" size={20} /> {t('pdsa.newIdea')}
        </button>
      </div>
      <p class="hint">{t('pdsa.intro')}</p>
      <AttentionLink />
      {found === undefined ? (
        <p class="hint">{t('common.loading')}</p>
      ) : found.ideas.length === 0 ? (
        <p class="empty">{t('pdsa.empty')}</p>
      ) : (
        <ul class="card-list">
          {found.ideas.map((idea) => (
            <IdeaCard key={idea.changeIdeaId} idea={idea} stateOf={stateOf} />
          ))}
        </ul>
      )}
      {found !== undefined && found.unreadable > 0 && (
        <p class="unreadable">{t('pdsa.unreadable')}</p>
      )}
    </section>
  );
}

function IdeaCard({
  idea,
  stateOf,
}: {
  idea: ChangeIdeaGroup<PdsaRecord>;
  stateOf: ((r: PdsaRecord) => RecordState | null) | undefined;
}): JSX.Element {
  const last = idea.cycles.at(-1)!;
  const headingId = `idea-${idea.changeIdeaId}`;
  return (
    <li class="card pdsa-idea">
      <h2 id={headingId}>{idea.changeIdea}</h2>
      <ol class="cycle-list" aria-labelledby={headingId}>
        {idea.cycles.map((c) => {
          const status = pdsaStatus(c.data);
          return (
            <li key={c.id}>
              <a class="card-link cycle-link" href={`/pdsa/${encodeURIComponent(c.id)}`}>
                <span class="cycle-name">{t('pdsa.cycleN', { n: c.data.cycle })}</span>
                <span class={`tag status-${status}`}>{statusWord(status)}</span>
                <span class="note-when">
                  {t('pdsa.startsOn', { date: dayInWords(c.data.startDate) })}
                  {c.data.startsPhase ? ` · ${t('pdsa.newPhaseTag')}` : ''}
                </span>
                {c.data.objective.trim() && <span class="note-text">{c.data.objective}</span>}
                <SyncBadge state={stateOf?.(c)} />
              </a>
            </li>
          );
        })}
      </ol>
      {pdsaStatus(last.data) === 'done' && (
        <a
          class="button small next-cycle"
          href={`/pdsa/new?after=${encodeURIComponent(last.id)}`}
          aria-label={t('pdsa.nextCycleOf', { idea: idea.changeIdea })}
        >
          {t('pdsa.nextCycle')}
        </a>
      )}
    </li>
  );
}
