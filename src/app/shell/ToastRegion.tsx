import type { JSX } from 'preact';
import { t } from '../i18n/i18n';
import { dismissToast, toast } from '../state';

/** The one place short confirmations appear ("Saved on this device", "Note deleted. Undo"). */
export function ToastRegion(): JSX.Element {
  const current = toast.value;
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {current && (
        <div class="toast" key={current.id}>
          <span>{t(current.message)}</span>
          {current.action && (
            <button
              type="button"
              class="button toast-action"
              onClick={() => {
                current.action!.run();
                dismissToast();
              }}
            >
              {t(current.action.label)}
            </button>
          )}
          <button
            type="button"
            class="button toast-close"
            aria-label={t('toast.close')}
            onClick={dismissToast}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
