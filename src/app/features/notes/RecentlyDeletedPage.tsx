import type { JSX } from 'preact';
import type { StoredRecord } from '../../../domain/envelope';
import type { ChildData, ObservationData } from '../../../domain/records';
import { restoreRecord } from '../../../storage/write';
import { useDb } from '../../db';
import { noteTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { UnreadableCard } from './NoteCard';
import { useRecentlyDeleted } from './use-notes';

/** Deleted notes and children, newest first, each with "Restore". */
export function RecentlyDeletedPage(): JSX.Element {
  const db = useDb();
  const items = useRecentlyDeleted();
  const restore = async (table: 'observations' | 'children', id: string) => {
    const result = await restoreRecord(db, table, id);
    showToast(result.ok ? 'deleted.restored' : 'error.restoreFailed');
  };
  return (
    <section class="page">
      <h1>{t('deleted.title')}</h1>
      <p class="hint">{t('deleted.intro')}</p>
      {items === undefined ? (
        <p class="hint">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p class="empty">{t('deleted.empty')}</p>
      ) : (
        <ul class="card-list">
          {items.map((item) => {
            if (!item.ok) return <UnreadableCard key={item.id} id={item.id} />;
            const { record } = item;
            const title =
              item.table === 'children'
                ? (record.data as ChildData).name
                : `${noteTime((record as StoredRecord<ObservationData>).data.observedAt)}`;
            const body =
              item.table === 'observations'
                ? (record.data as ObservationData).text
                : t('children.title');
            return (
              <li class="card deleted-item" key={record.id}>
                <div class="card-link">
                  <span class="note-who">{title}</span>
                  <span class="note-text">{body}</span>
                  <button
                    type="button"
                    class="button"
                    onClick={() => void restore(item.table, record.id)}
                  >
                    {t('common.restore')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
