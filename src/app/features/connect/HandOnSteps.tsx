import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../i18n/i18n';
import { useDb } from '../../db';
import { ExportButtons } from '../data/ExportButtons';
import { handOn, sendEverything } from './use-connection';

type Step =
  | { kind: 'sending' }
  | { kind: 'ready' }
  | { kind: 'not-sent'; count: number }
  | { kind: 'confirm' }
  | { kind: 'erasing' }
  | { kind: 'failed' };

/**
 * "Hand this tablet to someone else": send everything; when nothing waits, erase; when something
 * is not on the server, say how much and offer the export before "Erase anyway…" and its "are you
 * sure?". The focus follows each step's heading.
 */
export function HandOnSteps({ onCancel }: { onCancel: () => void }): JSX.Element {
  const db = useDb();
  const [step, setStep] = useState<Step>({ kind: 'sending' });
  const heading = useRef<HTMLHeadingElement>(null);
  const send = async () => {
    setStep({ kind: 'sending' });
    const left = await sendEverything(db);
    setStep(left === 0 ? { kind: 'ready' } : { kind: 'not-sent', count: left });
  };
  useEffect(() => void send(), []);
  useEffect(() => heading.current?.focus(), [step.kind]);
  const erase = async () => {
    setStep({ kind: 'erasing' });
    if (!(await handOn(db))) setStep({ kind: 'failed' });
  };
  const cancel = step.kind !== 'erasing' && (
    <button type="button" class="button quiet" onClick={onCancel}>
      {t('common.cancel')}
    </button>
  );
  const isFinal = step.kind === 'confirm' || step.kind === 'erasing' || step.kind === 'failed';
  return (
    <div class="data-step" role="group" aria-labelledby="handon-title" aria-live="polite">
      <h3 id="handon-title" ref={heading} tabIndex={-1}>
        {isFinal ? t('handOn.confirmTitle') : t('handOn.title')}
      </h3>
      {step.kind === 'sending' && <p role="status">{t('handOn.sending')}</p>}
      {step.kind === 'ready' && <p>{t('handOn.ready')}</p>}
      {step.kind === 'not-sent' && (
        <>
          <p class="notice">{tn('handOn.notSent', step.count)}</p>
          <ExportButtons />
        </>
      )}
      {isFinal && <p>{t('data.erase.confirmText')}</p>}
      {step.kind === 'failed' && (
        <p class="form-alert" role="alert">
          {t('data.erase.failed')}
        </p>
      )}
      <div class="data-actions">
        {step.kind === 'ready' && (
          <button type="button" class="button danger" onClick={() => void erase()}>
            {t('handOn.erase')}
          </button>
        )}
        {step.kind === 'not-sent' && (
          <>
            <button type="button" class="button primary" onClick={() => void send()}>
              {t('handOn.tryAgain')}
            </button>
            <button
              type="button"
              class="button danger"
              onClick={() => setStep({ kind: 'confirm' })}
            >
              {t('handOn.eraseAnyway')}
            </button>
          </>
        )}
        {isFinal && (
          <button
            type="button"
            class="button danger"
            disabled={step.kind === 'erasing'}
            onClick={() => void erase()}
          >
            {step.kind === 'erasing' ? t('handOn.erasing') : t('data.erase.confirm')}
          </button>
        )}
        {cancel}
      </div>
    </div>
  );
}
