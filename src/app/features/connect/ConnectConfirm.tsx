import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t, tn } from '../../i18n/i18n';
import type { CodeOwner } from '../../../sync/enroll';

interface Props {
  owner: CodeOwner;
  /** Things written here that will be sent; `undefined` while counting. */
  waiting: number | undefined;
  isWorking: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

/** Whom the code is for and, in plain words, what the agency's server keeps and who sees it. */
export function ConnectConfirm({
  owner,
  waiting,
  isWorking,
  onConfirm,
  onBack,
}: Props): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const names = { agency: owner.agencyName, provider: owner.providerName };
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('connect.confirm.title', names)}
      </h1>
      <p class="connect-who">{t('connect.confirm.who', names)}</p>
      <ul class="connect-terms">
        <li>{t('connect.confirm.stores')}</li>
        <li>{t('connect.confirm.whoSees')}</li>
        <li>{t('connect.confirm.stays')}</li>
        {waiting !== undefined && waiting > 0 && <li>{tn('connect.confirm.waiting', waiting)}</li>}
      </ul>
      <div class="data-actions">
        <button
          type="button"
          class="button primary big"
          disabled={isWorking}
          aria-busy={isWorking}
          onClick={onConfirm}
        >
          {isWorking ? t('connect.connecting') : t('connect.confirm.yes')}
        </button>
        {!isWorking && (
          <button type="button" class="button quiet" onClick={onBack}>
            {t('connect.confirm.back')}
          </button>
        )}
      </div>
    </>
  );
}
