import type { JSX } from 'preact';
import type { SharedCycle } from '../../../domain/agency/consent';
import type { MessageKey } from '../../i18n/en';
import { dayInWords } from '../../i18n/format';
import { t } from '../../i18n/i18n';

/**
 * Her shared PDSA cycles as her coach reads them: title, dates, where it is, Study and Act, and
 * nothing else (SYNC.md §14). The same list is her example on "Share with my agency" and the coach's
 * view of her, so what she is shown is what the coach sees.
 */
export function SharedCycles({ cycles }: { cycles: readonly SharedCycle[] }): JSX.Element {
  if (cycles.length === 0) return <p class="hint">{t('sharing.noCycles')}</p>;
  return (
    <ul class="shared-cycles">
      {cycles.map((c) => (
        <li key={c.id} class="shared-cycle">
          <p>
            <strong>{t('attention.what.pdsa', { idea: c.changeIdea, n: c.cycle })}</strong>
          </p>
          <p class="hint">
            {dayInWords(c.startDate)}
            {c.endDate ? ` – ${dayInWords(c.endDate)}` : ''} · {t(`pdsa.status.${c.status}`)}
          </p>
          {(c.learned || c.results.length > 0) && (
            <p>
              <span class="label">{t('pdsa.part.study')}:</span>{' '}
              {[...c.results, c.learned].filter(Boolean).join(' · ')}
            </p>
          )}
          {(c.act || c.nextStep) && (
            <p>
              <span class="label">{t('pdsa.part.act')}:</span>{' '}
              {[c.act ? t(`pdsa.act.${c.act}` as MessageKey) : null, c.nextStep]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
