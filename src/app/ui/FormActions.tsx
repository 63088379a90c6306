import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  /** The submit button's label ("Save note"). */
  saveLabel: string;
  /** True while a save runs: the save button waits. */
  isSaving?: boolean;
  /** More buttons, after the save button ("Save and start the next cycle"). */
  children?: ComponentChildren;
  /** The cancel (or discard) button: its label and what it does once she means it. */
  cancelLabel?: string;
  onCancel?: () => unknown;
  /** When true, cancel first asks `discardQuestion` in the app's dialog ("Keep writing" comes first). */
  hasUnsavedWork?: boolean;
  discardQuestion?: string;
  /** The delete button, shown when given. */
  deleteLabel?: string;
  onDelete?: () => unknown;
}

/**
 * The buttons at the foot of every form, in one order: save, the form's own others, cancel, delete;
 * and the question before throwing away what she wrote.
 */
export function FormActions({
  saveLabel,
  isSaving,
  children,
  cancelLabel,
  onCancel,
  hasUnsavedWork = false,
  discardQuestion,
  deleteLabel,
  onDelete,
}: Props): JSX.Element {
  const [isAskingDiscard, setAskingDiscard] = useState(false);
  const cancel = () => {
    setAskingDiscard(false);
    void onCancel?.();
  };
  return (
    <>
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={isSaving}>
          {saveLabel}
        </button>
        {children}
        {cancelLabel && (
          <button
            type="button"
            class="button"
            onClick={() => (hasUnsavedWork && discardQuestion ? setAskingDiscard(true) : cancel())}
          >
            {cancelLabel}
          </button>
        )}
        {deleteLabel && (
          <button type="button" class="button danger" onClick={() => void onDelete?.()}>
            {deleteLabel}
          </button>
        )}
      </div>
      {isAskingDiscard && discardQuestion && (
        <ConfirmDialog
          title={discardQuestion}
          confirmLabel={t('discard.confirm')}
          cancelLabel={t('discard.keep')}
          isDanger
          onConfirm={cancel}
          onCancel={() => setAskingDiscard(false)}
        />
      )}
    </>
  );
}

/** After a save that did not go through: takes her to the first thing to fix. */
export function focusFirstProblem(): void {
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLElement>('[aria-invalid="true"], .has-error input, .form-alert')
      ?.focus(),
  );
}
