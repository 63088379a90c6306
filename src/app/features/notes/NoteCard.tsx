import type { JSX } from 'preact';
import { toCalendarDate } from '../../../domain/dates';
import type { StoredRecord } from '../../../domain/envelope';
import type { ObservationData } from '../../../domain/records';
import { t } from '../../i18n/i18n';
import { SyncBadge } from '../attention/SyncBadge';
import type { RecordState } from '../attention/use-attention';
import { AREA_KEYS } from './note-labels';
import { capitalized, duringWords, noteWhen } from './note-when';

interface Props {
  note: StoredRecord<ObservationData>;
  childNames: Map<string, string>;
  from?: string;
  /** Its sync state (null before the device is connected). */
  state?: RecordState | null;
}

/** One note in a list: who, when (in the words she chose), what she saw, and her idea to try next. */
export function NoteCard({ note, childNames, from, state }: Props): JSX.Element {
  const d = note.data;
  const names = d.childIds.map((id) => childNames.get(id) ?? t('note.unknownChild')).join(', ');
  const href = `/notes/${encodeURIComponent(note.id)}${from ? `?from=${encodeURIComponent(from)}` : ''}`;
  const when = capitalized(
    noteWhen(d.observedAt, d.observedAtApprox ?? null, toCalendarDate(new Date())),
  );
  return (
    <li class="card note-card">
      <a href={href} class="card-link">
        <span class="note-who">{names}</span>
        <span class="note-when">{when}</span>
        <span class="note-text">{d.text}</span>
        {(d.area || d.during) && (
          <span class="tags">
            {d.area && <span class="tag">{t(AREA_KEYS[d.area])}</span>}
            {d.during && <span class="tag">{duringWords(d.during)}</span>}
          </span>
        )}
        {d.nextStep && (
          <span class="note-idea">
            <span class="note-idea-label">{t('note.nextStep')}:</span> {d.nextStep}
          </span>
        )}
        <SyncBadge state={state} />
      </a>
    </li>
  );
}

/** A row that could not be read: kept, shown, never dropped. */
export function UnreadableCard({ id }: { id: string }): JSX.Element {
  return (
    <li class="card unreadable">
      {t('common.unreadable')} <span class="hint">({id.slice(0, 8)}…)</span>
    </li>
  );
}
