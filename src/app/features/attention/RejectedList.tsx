import type { JSX } from 'preact';
import type { RejectedItem } from '../../../storage/attention';
import { t } from '../../i18n/i18n';
import type { WordsContext } from './field-words';
import { recordHref, recordTitle } from './record-words';
import { rejectReason } from './reject-words';
import { RejectedUnreadable } from './RejectedUnreadable';

/** Records the server did not accept: what each is, why, and the way to fix it (or keep a copy). */
export function RejectedList({
  items,
  ctx,
}: {
  items: RejectedItem[];
  ctx: WordsContext;
}): JSX.Element {
  return (
    <section aria-labelledby="attention-rejected">
      <h2 id="attention-rejected">{t('attention.rejectedTitle')}</h2>
      <p class="hint">{t('attention.rejectedIntro')}</p>
      <ul class="card-list">
        {items.map((item) => {
          const { table, record } = item;
          if (!item.isReadable)
            return <RejectedUnreadable key={`${table}/${record.id}`} item={item} ctx={ctx} />;
          const data = record.data && typeof record.data === 'object' ? record.data : null;
          return (
            <li class="card rejected" key={`${table}/${record.id}`}>
              <div class="card-body">
                <p class="note-who">{recordTitle(table, data, ctx)}</p>
                <p>{rejectReason(table, record.syncError)}</p>
                <a class="button small" href={recordHref(table, record.id, data)}>
                  {t('attention.fix')}
                </a>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
