import type { JSX } from 'preact';
import type { StoredRecord } from '../../../domain/envelope';
import type { ObservationData } from '../../../domain/records';
import type { ReadItem } from '../../../storage/read';
import { t } from '../../i18n/i18n';
import { childLabels } from '../children/child-label';
import { useChildren } from '../children/use-children';
import { NoteCard, UnreadableCard } from './NoteCard';
import { useRecordStates } from '../attention/use-attention';

interface Props {
  items: ReadItem<ObservationData>[] | undefined;
  empty: string;
  from?: string;
}

/** A list of notes with their children's names; unreadable rows are shown as such. */
export function NoteList({ items, empty, from }: Props): JSX.Element {
  const children = useChildren({ includeInactive: true });
  const stateOf = useRecordStates('observations');
  if (items === undefined || children === undefined)
    return <p class="hint">{t('common.loading')}</p>;
  if (items.length === 0) return <p class="empty">{empty}</p>;
  const names = childLabels(children.flatMap((c) => (c.ok ? [c.record] : [])));
  return (
    <ul class="card-list">
      {items.map((item) =>
        item.ok ? (
          <NoteCard
            key={item.record.id}
            note={item.record as StoredRecord<ObservationData>}
            childNames={names}
            from={from}
            state={stateOf?.(item.record)}
          />
        ) : (
          <UnreadableCard key={item.id} id={item.id} />
        ),
      )}
    </ul>
  );
}
