import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../i18n/i18n';
import { useDb } from '../../db';
import { disconnectDevice } from './use-connection';

interface Props {
  /** Changes waiting to be sent. */
  waiting: number;
  onDone: (outcome: 'revoked' | 'revoke-later') => void;
  onCancel: () => void;
}

/** "Disconnect this device?": what stays, how many changes wait, then "Yes, disconnect". */
export function DisconnectSteps({ waiting, onDone, onCancel }: Props): JSX.Element {
  const db = useDb();
  const heading = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<'confirm' | 'working' | 'failed'>('confirm');
  useEffect(() => heading.current?.focus(), []);
  const run = async () => {
    setState('working');
    const outcome = await disconnectDevice(db);
    if (outcome === 'failed') setState('failed');
    else onDone(outcome);
  };
  return (
    <div class="data-step" role="group" aria-labelledby="disconnect-title">
      <h3 id="disconnect-title" ref={heading} tabIndex={-1}>
        {t('connection.disconnectTitle')}
      </h3>
      <p>{t('connection.disconnectText')}</p>
      <p class={waiting > 0 ? 'notice' : 'hint'}>
        {waiting > 0 ? tn('connection.disconnectWaiting', waiting) : t('connection.nothingWaiting')}
      </p>
      {state === 'failed' && (
        <p class="form-alert" role="alert">
          {t('connection.disconnectFailed')}
        </p>
      )}
      <div class="data-actions">
        <button
          type="button"
          class="button primary"
          disabled={state === 'working'}
          onClick={() => void run()}
        >
          {state === 'working' ? t('connection.disconnecting') : t('connection.disconnectYes')}
        </button>
        {state !== 'working' && (
          <button type="button" class="button quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
