import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SHARING_LEVELS, type SharingLevel } from '../../../domain/sharing';
import { useDb } from '../../db';
import type { MessageKey } from '../../i18n/en';
import { language, t } from '../../i18n/i18n';
import { storageFailureKey } from '../../ui/storage-words';
import { SharedExample } from './SharedExample';
import { saveSharing, useSharing } from './use-sharing';

/**
 * "Share with my agency" (DESIGN.md "The agency's side", SYNC.md §14): off by default; three
 * choices in plain words, each with an example of exactly what her coach will see, built from her
 * own data by the consent filter; a warning before the PDSA level. Saving writes her `sharing`
 * record, which syncs like any record. Offered only once the device is connected to an agency.
 */
export function SharingPage(): JSX.Element {
  const db = useDb();
  const screen = useSharing();
  void language.value; // re-render on a language switch
  const [choice, setChoice] = useState<SharingLevel | null>(null);
  const [status, setStatus] = useState<
    { kind: 'saved' } | { kind: 'failed'; key: MessageKey } | null
  >(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status) statusRef.current?.focus();
  }, [status]);

  if (!screen)
    return (
      <section class="page">
        <h1>{t('sharing.title')}</h1>
        <p class="hint">{t('common.loading')}</p>
      </section>
    );
  if (!screen.isConnected)
    return (
      <section class="page">
        <h1>{t('sharing.title')}</h1>
        <p>{t('sharing.notConnected')}</p>
        <a class="button primary" href="/connect">
          {t('connect.link')}
        </a>
      </section>
    );

  const level = choice ?? screen.level;
  const save = async (e: Event) => {
    e.preventDefault();
    const result = await saveSharing(db, level, screen.firstUseAt);
    if (result.ok) {
      setChoice(null);
      setStatus({ kind: 'saved' });
    } else
      setStatus({
        kind: 'failed',
        key: result.reason === 'invalid' ? 'error.invalid' : storageFailureKey(result.reason),
      });
  };
  return (
    <section class="page sharing">
      <h1>{t('sharing.title')}</h1>
      <p>{t('sharing.intro')}</p>
      <p class="hint">{t('sharing.current', { level: t(`sharing.level.${screen.level}`) })}</p>
      <form onSubmit={(e) => void save(e)}>
        <fieldset class="rule-choice">
          <legend>{t('sharing.levelLegend')}</legend>
          {SHARING_LEVELS.map((l) => (
            <div key={l} class="rule-option">
              {l === 'numbers-and-pdsa' && (
                <p class="notice" id="sharing-pdsa-warning">
                  {t('sharing.pdsaWarning')}
                </p>
              )}
              <label class="check">
                <input
                  type="radio"
                  name="sharing-level"
                  value={l}
                  checked={level === l}
                  aria-describedby={
                    l === 'numbers-and-pdsa'
                      ? `sharing-${l}-hint sharing-pdsa-warning`
                      : `sharing-${l}-hint`
                  }
                  onChange={() => {
                    setChoice(l);
                    setStatus(null);
                  }}
                />
                <span>{t(`sharing.level.${l}`)}</span>
              </label>
              <p class="hint" id={`sharing-${l}-hint`}>
                {t(`sharing.hint.${l}`)}
              </p>
            </div>
          ))}
        </fieldset>
        <section class="card" aria-labelledby="sharing-example">
          <h2 id="sharing-example">{t('sharing.example')}</h2>
          <p class="hint">{t(`sharing.level.${level}`)}</p>
          <SharedExample view={screen.examples[level]} />
        </section>
        {status && (
          <p
            class={status.kind === 'saved' ? 'notice' : 'form-alert'}
            role={status.kind === 'saved' ? 'status' : 'alert'}
            tabIndex={-1}
            ref={statusRef}
          >
            {t(status.kind === 'saved' ? 'sharing.saved' : status.key)}
          </p>
        )}
        <button type="submit" class="button primary">
          {t('sharing.save')}
        </button>
      </form>
    </section>
  );
}
