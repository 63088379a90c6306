import type { JSX } from 'preact';
import type { StoredRecord } from '../../../domain/envelope';
import type { ObservationData } from '../../../domain/records';
import { noteTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { AREA_KEYS } from './area-words';

interface Props {
  note: StoredRecord<ObservationData>;
  childNames: Map<string, string>;
  from?: string;
}

/** One note in a list: who, when, what she saw, and her idea to try next. Tap to edit. */
export function NoteCard({ note, childNames, from }: Props): JSX.Element {
  const d = note.data;
  const names = d.childIds.map((id) => childNames.get(id) ?? t('note.unknownChild')).join(', ');
  const href = `/notes/${encodeURIComponent(note.id)}${from ? `?from=${encodeURIComponent(from)}` : ''}`;
  return (
    <li class="card note-card">
      <a href={href} class="card-link">
        <span class="note-who">{names}</span>
        <span class="note-when">{noteTime(d.observedAt)}</span>
        <span class="note-text">{d.text}</span>
        {d.area && <span class="tag">{t(AREA_KEYS[d.area])}</span>}
        {d.nextStep && (
          <span class="note-idea">
            <span class="note-idea-label">{t('note.nextStep')}:</span> {d.nextStep}
          </span>
        )}
        {note.syncStatus === 'rejected' && <span class="tag warn">{t('sync.rejected')}</span>}
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
