import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../i18n/i18n';
import { ExportButtons } from './ExportButtons';
import { eraseAndRestart, useUnsyncedCount } from './use-data';
import { useDb } from '../../db';

type Step = 'closed' | 'offer' | 'confirm' | 'erasing' | 'failed';

/**
 * "Erase this device", in two explicit steps after the first tap: (1) the export is offered and she
 * is told how many items are not yet synced; (2) "are you sure?". Then everything is erased and the
 * app restarts as new. Each step moves the focus to its heading, for keyboards and screen readers.
 */
export function EraseCard(): JSX.Element {
  const db = useDb();
  const [step, setStep] = useState<Step>('closed');
  const unsynced = useUnsyncedCount();
  const heading = useRef<HTMLHeadingElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (step === 'offer' || step === 'confirm') heading.current?.focus();
    // After "Cancel" the focus goes back to where she started, not to the top of the page.
    if (step === 'closed' && wasOpen.current) start.current?.focus();
    wasOpen.current = step !== 'closed';
  }, [step]);
  const erase = async () => {
    setStep('erasing');
    if (!(await eraseAndRestart(db))) setStep('failed');
  };
  const cancel = (
    <button type="button" class="button quiet" onClick={() => setStep('closed')}>
      {t('common.cancel')}
    </button>
  );
  return (
    <section class="card" aria-labelledby="data-erase">
      <h2 id="data-erase">{t('data.erase.title')}</h2>
      <p>{t('data.erase.explain')}</p>
      {step === 'closed' && (
        <button type="button" class="button danger" ref={start} onClick={() => setStep('offer')}>
          {t('data.erase.start')}
        </button>
      )}
      {step === 'offer' && (
        <div class="data-step">
          <h3 ref={heading} tabIndex={-1}>
            {t('data.erase.exportFirst')}
          </h3>
          <ExportButtons />
          <p class={unsynced ? 'notice' : 'hint'}>
            {unsynced === undefined
              ? t('common.loading')
              : unsynced > 0
                ? tn('data.erase.unsynced', unsynced)
                : t('data.erase.nothingWaiting')}
          </p>
          <div class="data-actions">
            <button type="button" class="button danger" onClick={() => setStep('confirm')}>
              {t('data.erase.continue')}
            </button>
            {cancel}
          </div>
        </div>
      )}
      {(step === 'confirm' || step === 'erasing' || step === 'failed') && (
        <div class="data-step" role="group" aria-labelledby="data-erase-confirm" aria-describedby="data-erase-confirm-text">
          <h3 id="data-erase-confirm" ref={heading} tabIndex={-1}>
            {t('data.erase.confirmTitle')}
          </h3>
          <p id="data-erase-confirm-text">{t('data.erase.confirmText')}</p>
          {step === 'failed' && (
            <p class="form-alert" role="alert">
              {t('data.erase.failed')}
            </p>
          )}
          <div class="data-actions">
            <button type="button" class="button danger" disabled={step === 'erasing'} onClick={() => void erase()}>
              {step === 'erasing' ? t('data.erase.working') : t('data.erase.confirm')}
            </button>
            {step !== 'erasing' && cancel}
          </div>
        </div>
      )}
    </section>
  );
}
