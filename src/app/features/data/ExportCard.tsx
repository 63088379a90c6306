import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { ExportButtons } from './ExportButtons';

/** "Export": all her data as one JSON file or a .zip of spreadsheets. */
export function ExportCard(): JSX.Element {
  return (
    <section class="card" aria-labelledby="data-export">
      <h2 id="data-export">{t('data.export.title')}</h2>
      <p>{t('data.export.explain')}</p>
      <ExportButtons />
    </section>
  );
}
