import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ConflictData } from '../../../domain/records';
import type { OpenConflict } from '../../../storage/attention';
import { resolveConflict, withLosingValues, type ConflictChoice } from '../../../storage/conflicts';
import { useDb } from '../../db';
import { dateFormat, t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { storageFailureKey } from '../../ui/storage-words';
import { comparisonRows, fieldLabel, type Version, type WordsContext } from './field-words';
import { changedWhen, recordHref, recordTitle } from './record-words';
import { issueWords } from './reject-words';

interface Props {
  item: OpenConflict;
  ctx: WordsContext;
  /** This device's id, to say which change was made here. */
  deviceId: string | null;
}

/** The two sides of a conflict: the version kept now (winner) and the one set aside (loser). */
function versions(item: OpenConflict): { now: Version; other: Version } {
  const c = item.conflict.data;
  const record = item.record?.ok ? item.record.record : null;
  // Without the record here yet, the kept values are the conflict's own "winning" ones.
  const now: Version = record
    ? { data: record.data as Record<string, unknown>, deleted: record.deleted }
    : withLosingValues({}, 0, c.winning);
  return { now, other: withLosingValues(now.data, now.deleted, c.losing) };
}

function sideOf(c: ConflictData, which: 'winner' | 'loser') {
  const isIncoming = (c.winner === 'incoming') === (which === 'winner');
  return isIncoming ? c.incoming : c.stored;
}

/** One conflict, both versions side by side in her words, and her two choices. */
export function ConflictCard({ item, ctx, deviceId }: Props): JSX.Element {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; canOpen: boolean } | null>(null);
  const c = item.conflict.data;
  const { now, other } = versions(item);
  const fields = [...new Set([...c.fields, ...Object.keys(c.losing)])];
  const rows = comparisonRows(item.table, fields, now, other, ctx);
  const titleId = `conflict-${item.conflict.id}`;
  const when = (d: Date) =>
    dateFormat({
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
    }).format(d);
  const who = (side: { deviceId: string | null; hlc: string }) =>
    t(
      side.deviceId !== null && side.deviceId === deviceId
        ? 'attention.changedHere'
        : 'attention.changedElsewhere',
      {
        when: changedWhen(side.hlc, when),
      },
    );
  const href = recordHref(item.table, c.recordId, now.data);

  const choose = async (choice: ConflictChoice) => {
    setBusy(true);
    setProblem(null);
    const result = await resolveConflict(db, item.conflict.id, choice);
    setBusy(false);
    if (result.ok) return showToast('attention.done');
    if (result.reason === 'invalid') {
      const reason = result.issues
        .map((i) =>
          t('reject.detail', {
            field: fieldLabel(item.table, i.path),
            problem: issueWords(i.message),
          }),
        )
        .join(' ');
      setProblem({ text: t('attention.notFitting', { reason }), canOpen: true });
    } else if (result.reason === 'record-missing') {
      setProblem({ text: t('attention.notHereYet'), canOpen: false });
    } else if (result.reason === 'already-resolved' || result.reason === 'not-found') {
      setProblem({ text: t('attention.alreadyDone'), canOpen: false });
    } else {
      setProblem({ text: t(storageFailureKey(result.reason)), canOpen: false });
    }
  };

  return (
    <article class="card conflict" aria-labelledby={titleId}>
      <h3 id={titleId}>{recordTitle(item.table, now.data, ctx)}</h3>
      <div class="versions">
        <div class="version-head">
          <strong>{t('attention.now')}</strong>
          <span class="hint">{who(sideOf(c, 'winner'))}</span>
        </div>
        <div class="version-head other">
          <strong>{t('attention.other')}</strong>
          <span class="hint">{who(sideOf(c, 'loser'))}</span>
        </div>
        {rows.map((row) => (
          <div class="version-row" role="group" aria-label={row.label} key={row.path}>
            <p class="version-label">{row.label}</p>
            <p class="version-value">
              <span class="visually-hidden">{t('attention.now')}: </span>
              {row.now}
            </p>
            <p class="version-value other">
              <span class="visually-hidden">{t('attention.other')}: </span>
              {row.other}
            </p>
          </div>
        ))}
        <button type="button" class="button" disabled={busy} onClick={() => void choose('kept')}>
          {t('attention.keep')}
        </button>
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => void choose('used-other')}
        >
          {t('attention.useOther')}
        </button>
      </div>
      {problem && (
        <p class="form-alert" role="alert">
          {problem.text} {problem.canOpen && <a href={href}>{t('attention.openIt')}</a>}
        </p>
      )}
    </article>
  );
}
