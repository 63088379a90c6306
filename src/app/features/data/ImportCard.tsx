import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ImportResult } from '../../../storage/import';
import { t } from '../../i18n/i18n';
import { ImportReport } from './ImportReport';
import { importFile } from './use-data';
import { useDb } from '../../db';

/** "Import a backup": a labelled file input, then the report of what was added, updated and skipped. */
export function ImportCard({ onImported }: { onImported: () => void }): JSX.Element {
  const db = useDb();
  const [isWorking, setWorking] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setWorking(true);
    setResult(null);
    try {
      setResult(await importFile(db, file));
    } catch (error) {
      console.error(error);
      setResult({ ok: false, reason: 'storage-error', message: String(error) });
    } finally {
      setWorking(false);
      // The same file can be chosen again (e.g. after freeing space).
      input.value = '';
      onImported();
    }
  };
  return (
    <section class="card" aria-labelledby="data-import">
      <h2 id="data-import">{t('data.import.title')}</h2>
      <p>{t('data.import.explain')}</p>
      {/* The native picker's own words follow the browser, not her choice: a labelled button stands in for it. */}
      <label class={`button data-file${isWorking ? ' is-busy' : ''}`}>
        <span>{t('data.import.choose')}</span>
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          disabled={isWorking}
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      {isWorking && (
        <p class="hint" role="status">
          {t('data.import.working')}
        </p>
      )}
      {result && <ImportReport result={result} />}
    </section>
  );
}
