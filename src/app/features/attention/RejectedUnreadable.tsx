import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { RejectedItem } from '../../../storage/attention';
import { useDb } from '../../db';
import { t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { fieldLabel, valueWords, type WordsContext } from './field-words';
import { rejectReason } from './reject-words';
import { discardRejectedRecord, saveRejectedCopy } from './rejected-actions';

/** A field's value in her words, or as written when it is not of the shape this build knows. */
function valueText(item: RejectedItem, key: string, ctx: WordsContext): string {
  const data = item.record.data as Record<string, unknown>;
  try {
    return valueWords(item.table, key, data, 0, ctx);
  } catch {
    return JSON.stringify(data[key]);
  }
}

/**
 * A record not accepted that this build cannot read, so no form can open it: the server's reason
 * and what it holds, in her words where known; she saves a copy, then may discard it from this
 * device. Nothing leaves without her copy and her "yes".
 */
export function RejectedUnreadable({
  item,
  ctx,
}: {
  item: RejectedItem;
  ctx: WordsContext;
}): JSX.Element {
  const db = useDb();
  const [hasCopy, setHasCopy] = useState(false);
  const [isAsking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { table, record } = item;
  const data =
    record.data && typeof record.data === 'object' ? (record.data as Record<string, unknown>) : {};

  const onCopy = async () => {
    setProblem(null);
    if (await saveRejectedCopy(db, table, record.id)) setHasCopy(true);
  };
  const onDiscard = async () => {
    setAsking(false);
    const failure = await discardRejectedRecord(db, table, record.id);
    if (failure) setProblem(t(failure));
    else showToast('attention.discarded');
  };

  return (
    <li class="card rejected">
      <div class="card-body">
        <p class="note-who">{t('attention.what.unreadable')}</p>
        <p>{rejectReason(table, record.syncError)}</p>
        <p class="hint">{t('attention.unreadableIntro')}</p>
        {Object.keys(data).length > 0 && (
          <dl class="raw-fields">
            {Object.keys(data).map((key) => (
              <div key={key}>
                <dt>{fieldLabel(table, key)}</dt>
                <dd>{valueText(item, key, ctx)}</dd>
              </div>
            ))}
          </dl>
        )}
        {problem && (
          <p class="form-alert" role="alert">
            {problem}
          </p>
        )}
        <div class="form-actions">
          <button type="button" class="button small" onClick={() => void onCopy()}>
            {t('attention.saveCopy')}
          </button>
          {hasCopy && (
            <button type="button" class="button small danger" onClick={() => setAsking(true)}>
              {t('attention.discard')}
            </button>
          )}
        </div>
        {hasCopy && <p class="hint">{t('attention.copySaved')}</p>}
      </div>
      {isAsking && (
        <ConfirmDialog
          title={t('attention.discardTitle')}
          body={t('attention.discardBody')}
          confirmLabel={t('attention.discard')}
          cancelLabel={t('common.cancel')}
          isDanger
          onConfirm={() => void onDiscard()}
          onCancel={() => setAsking(false)}
        />
      )}
    </li>
  );
}
