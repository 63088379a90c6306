import type { ComponentChildren, JSX } from 'preact';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';

interface Props {
  back: string;
  explain: MessageKey;
  children: ComponentChildren;
}

/** The controls above a printable summary (left off the paper): its range, Print, and Back. */
export function PrintBar({ back, explain, children }: Props): JSX.Element {
  return (
    <div class="print-bar">
      <p class="hint">{t(explain)}</p>
      <div class="print-fields">{children}</div>
      <div class="data-actions">
        <button type="button" class="button primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <a class="button" href={back}>
          {t('print.back')}
        </a>
      </div>
    </div>
  );
}
