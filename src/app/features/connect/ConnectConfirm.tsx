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

function providerTexts(owner: Extract<CodeOwner, { kind: 'provider' }>) {
  const names = { agency: owner.agencyName, provider: owner.providerName };
  return {
    title: t('connect.confirm.title', names),
    who: t('connect.confirm.who', names),
    stores: t('connect.confirm.stores'),
    whoSees: t('connect.confirm.whoSees'),
  };
}

/** A staff code: her name, her role in plain words, her agency (none for the collaborative's). */
function staffTexts(owner: Extract<CodeOwner, { kind: 'staff' }>) {
  const params = { staff: owner.staffName, role: t(`staff.role.${owner.role}`) };
  const agency = owner.agencyName;
  return {
    title:
      agency === null
        ? t('connect.confirm.staffTitleCollaborative')
        : t('connect.confirm.title', { agency }),
    who:
      agency === null
        ? t('connect.confirm.staffWhoCollaborative', params)
        : t('connect.confirm.staffWho', { ...params, agency }),
    stores: t('connect.confirm.staffStores'),
    whoSees: t('connect.confirm.staffWhoSees'),
  };
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
  const texts = owner.kind === 'staff' ? staffTexts(owner) : providerTexts(owner);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {texts.title}
      </h1>
      <p class="connect-who">{texts.who}</p>
      <ul class="connect-terms">
        <li>{texts.stores}</li>
        <li>{texts.whoSees}</li>
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
