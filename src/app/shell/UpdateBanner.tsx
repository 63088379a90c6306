import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { whenDraftsSettled } from '../../storage/drafts';
import { t } from '../i18n/i18n';
import { acceptUpdate } from '../pwa';
import { updateReady } from '../state';

/** "Update ready": she chooses when. Accepting waits for draft writes, then reloads into the new version. */
export function UpdateBanner(): JSX.Element | null {
  const [isHidden, setHidden] = useState(false);
  const [isUpdating, setUpdating] = useState(false);
  if (!updateReady.value || isHidden) return null;
  const update = async () => {
    setUpdating(true);
    // Any form on screen saves its draft on `pagehide`; here we also wait for writes already under way.
    window.dispatchEvent(new Event('naptime:flush-drafts'));
    await acceptUpdate(whenDraftsSettled);
  };
  return (
    <div class="banner" role="status">
      <p>
        <strong>{t('update.ready')}</strong> {t('update.explain')}
      </p>
      <div class="banner-actions">
        <button type="button" class="button primary" onClick={update} disabled={isUpdating}>
          {t('update.now')}
        </button>
        <button type="button" class="button" onClick={() => setHidden(true)}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
