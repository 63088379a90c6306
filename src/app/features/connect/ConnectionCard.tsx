import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { syncStatus } from '../../state';
import { DisconnectSteps } from './DisconnectSteps';
import { HandOnSteps } from './HandOnSteps';
import { useConnection } from './use-connection';

type Open = 'none' | 'disconnect' | 'hand-on';

/**
 * Settings' card about her agency: "Connect to my agency" while not connected; once connected, to
 * whom, "Disconnect this device…" and "Hand this tablet to someone else…". A device whose access
 * was removed says so and offers the export (the export card is below) and a new code (SYNC.md §8).
 */
export function ConnectionCard(): JSX.Element | null {
  const info = useConnection();
  const [open, setOpen] = useState<Open>('none');
  const [done, setDone] = useState<'revoked' | 'revoke-later' | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  if (!info) return null;
  const { connection, waiting } = info;
  const state = syncStatus.value?.state;
  const stopped =
    state?.kind === 'stopped' && (state.reason === 'revoked' || state.reason === 'unauthenticated')
      ? state.reason
      : null;
  const names = {
    agency: connection?.agencyName ?? '',
    provider: connection?.providerName ?? '',
  };
  return (
    <section class="card" aria-labelledby="settings-connection" id="connection">
      <h2 id="settings-connection">{t('connection.title')}</h2>
      {done && (
        <p class="notice" role="status" tabIndex={-1} ref={doneRef}>
          {t(done === 'revoked' ? 'connection.disconnected' : 'connection.disconnectedLater')}
        </p>
      )}
      {!connection ? (
        <>
          <p>{t('connection.none')}</p>
          <a class="button primary" href="/connect">
            {t('connect.link')}
          </a>
        </>
      ) : stopped ? (
        <>
          <p class="notice" role="status">
            {stopped === 'revoked'
              ? t('connection.stopped', names)
              : t('connection.unauthenticated')}
          </p>
          <div class="data-actions">
            <a class="button primary" href="#data-export">
              {t('data.reminder.go')}
            </a>
            <a class="button" href="/connect">
              {t('connection.reconnect')}
            </a>
          </div>
        </>
      ) : (
        <>
          <p>{t('connection.connected', names)}</p>
          {open === 'none' && (
            <div class="data-actions">
              <button type="button" class="button" onClick={() => setOpen('disconnect')}>
                {t('connection.disconnect')}
              </button>
              <button type="button" class="button" onClick={() => setOpen('hand-on')}>
                {t('handOn.start')}
              </button>
            </div>
          )}
          {open === 'disconnect' && (
            <DisconnectSteps
              waiting={waiting}
              onCancel={() => setOpen('none')}
              onDone={(outcome) => {
                setOpen('none');
                setDone(outcome);
              }}
            />
          )}
          {open === 'hand-on' && <HandOnSteps onCancel={() => setOpen('none')} />}
        </>
      )}
    </section>
  );
}
