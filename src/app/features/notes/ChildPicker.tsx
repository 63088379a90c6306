import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { saveChild } from '../../../storage/write';
import { useDb } from '../../db';
import { t } from '../../i18n/i18n';
import { ChipGroup } from '../../ui/ChipGroup';
import { Field } from '../../ui/Field';
import { storageFailureKey } from '../../ui/storage-words';
import { childLabels } from '../children/child-label';
import { useChildren } from '../children/use-children';

interface Props {
  value: string[];
  onChange: (childIds: string[]) => void;
  error?: string | null;
}

/** The "Child" field: one tap per child, toddlers first; a new child can be added right here. */
export function ChildPicker({ value, onChange, error }: Props): JSX.Element {
  const db = useDb();
  const all = useChildren({ includeInactive: true });
  const [isAdding, setAdding] = useState(false);
  const [newName, setNewName] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  if (all === undefined) return <p class="hint">{t('common.loading')}</p>;
  const readable = all.flatMap((item) => (item.ok ? [item.record] : []));
  // Inactive children stay listed only on the notes that already name them.
  const shown = readable.filter((c) => c.data.active || value.includes(c.id));
  const labels = childLabels(shown);
  const add = async () => {
    const result = await saveChild(db, { name: newName, active: true });
    if (result.ok) {
      onChange([...value, result.record.id]);
      setNewName('');
      setAdding(false);
      setAddError(null);
    } else
      setAddError(
        t(result.reason === 'invalid' ? 'error.childName' : storageFailureKey(result.reason)),
      );
  };
  return (
    <div class="child-picker">
      {shown.length > 0 ? (
        <ChipGroup
          legend={t('note.child')}
          name="childIds"
          isMultiple
          options={shown.map((c) => ({ value: c.id, label: labels.get(c.id) ?? c.data.name }))}
          value={value}
          onChange={onChange}
          error={error ?? null}
        />
      ) : (
        <fieldset class={`chips${error ? ' has-error' : ''}`}>
          <legend>{t('note.child')}</legend>
          <p class="hint">{t('note.noChildrenYet')}</p>
          {error && <p class="field-error">{error}</p>}
        </fieldset>
      )}
      {isAdding || shown.length === 0 ? (
        <div class="quick-add">
          <Field id="quick-add-name" label={t('note.newChildName')} error={addError}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={newName}
                maxLength={60}
                autoComplete="off"
                onInput={(e) => setNewName(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void add();
                  }
                }}
              />
            )}
          </Field>
          <div class="row">
            <button type="button" class="button" onClick={() => void add()}>
              {t('note.addThisChild')}
            </button>
            {shown.length > 0 && (
              <button type="button" class="button quiet" onClick={() => setAdding(false)}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <button type="button" class="button quiet small" onClick={() => setAdding(true)}>
          + {t('note.addAChild')}
        </button>
      )}
    </div>
  );
}
