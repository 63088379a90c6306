import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { exportToFile, type ExportKind } from './use-data';
import { useDb } from '../../db';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'failed' };

/** The two export buttons ("Export all (JSON)", "Export spreadsheets (.zip)") and what became of the file. */
export function ExportButtons(): JSX.Element {
  const db = useDb();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = async (kind: ExportKind) => {
    setStatus({ kind: 'working' });
    try {
      const { name, outcome } = await exportToFile(db, kind);
      const text =
        outcome === 'downloaded' ? t('data.export.downloaded', { name }) : outcome === 'shared' ? t('data.export.shared', { name }) : t('data.export.cancelled');
      setStatus({ kind: 'done', text });
    } catch (error) {
      console.error(error);
      setStatus({ kind: 'failed' });
    }
  };
  const isWorking = status.kind === 'working';
  return (
    <div class="data-export">
      <div class="data-actions">
        <button type="button" class="button primary" disabled={isWorking} onClick={() => void run('json')}>
          {t('data.export.json')}
        </button>
        <button type="button" class="button" disabled={isWorking} onClick={() => void run('zip')}>
          {t('data.export.zip')}
        </button>
      </div>
      <p class="hint" role="status">
        {status.kind === 'working' ? t('data.export.working') : status.kind === 'done' ? status.text : ''}
      </p>
      {status.kind === 'failed' && (
        <p class="form-alert" role="alert">
          {t('data.export.failed')}
        </p>
      )}
    </div>
  );
}
