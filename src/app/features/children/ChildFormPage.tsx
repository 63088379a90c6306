import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { ChildData } from '../../../domain/records';
import { saveChild } from '../../../storage/write';
import { useDb } from '../../db';
import { dateFormat, t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { Field } from '../../ui/Field';
import { useChild } from './use-children';

interface Values {
  name: string;
  month: string;
  year: string;
  active: boolean;
}

const YEARS_BACK = 13;

/** Add a child, or edit one (name, birth month, still in her care). */
export function ChildFormPage(): JSX.Element {
  const db = useDb();
  const { params, query } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const existing = useChild(id);
  const [values, setValues] = useState<Values | null>(id ? null : { name: '', month: '', year: '', active: true });
  const [error, setError] = useState<{ field: 'name' | 'birthMonth' | 'form'; message: string } | null>(null);

  useEffect(() => {
    if (!existing?.ok || values) return;
    const d = existing.record.data as ChildData;
    const [year = '', month = ''] = (d.birthMonth ?? '').split('-');
    setValues({ name: d.name, month, year, active: d.active });
  }, [existing]);

  if (id && existing === null) return <p class="page">{t('children.missing')}</p>;
  if (id && existing && !existing.ok) return <p class="page">{t('common.unreadable')}</p>;
  if (!values) return <p class="page hint">{t('common.loading')}</p>;

  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const back = () => route(query.from ?? '/children', true);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if ((values.month === '') !== (values.year === '')) {
      return setError({ field: 'birthMonth', message: t('error.birthMonth') });
    }
    const birthMonth = values.month ? `${values.year}-${values.month}` : null;
    const result = await saveChild(db, { ...(id ? { id } : {}), name: values.name, birthMonth, active: values.active });
    if (result.ok) {
      showToast('saved.here');
      return back();
    }
    if (result.reason === 'invalid') {
      const issue = result.issues[0];
      const field = issue?.path.startsWith('birthMonth') ? 'birthMonth' : 'name';
      setError({ field, message: t(field === 'name' ? 'error.childName' : 'error.birthMonth') });
    } else setError({ field: 'form', message: t(result.reason === 'storage-full' ? 'error.storageFull' : 'error.storageError') });
  };

  const thisYear = new Date().getFullYear();
  const monthNames = Array.from({ length: 12 }, (_, i) =>
    dateFormat({ month: 'long' }).format(new Date(2024, i, 15)),
  );
  return (
    <form class="page" onSubmit={onSubmit} noValidate>
      <h1>{t(id ? 'children.editTitle' : 'children.newTitle')}</h1>
      {error?.field === 'form' && (
        <p class="form-alert" role="alert">
          {error.message}
        </p>
      )}
      <Field id="child-name" label={t('children.name')} hint={t('children.nameHint')} error={error?.field === 'name' ? error.message : null}>
        {(control) => (
          <input {...control} type="text" value={values.name} maxLength={60} autoComplete="off" onInput={(e) => set({ name: e.currentTarget.value })} />
        )}
      </Field>
      <fieldset class="field-group">
        <legend>{t('children.birthMonth')}</legend>
        <p class="hint">{t('children.birthMonthHint')}</p>
        <div class="row">
          <Field id="child-month" label={t('children.month')}>
            {(control) => (
            <select {...control} value={values.month} onChange={(e) => set({ month: e.currentTarget.value })}>
              <option value="">{t('children.notSet')}</option>
              {monthNames.map((name, i) => (
                <option key={name} value={String(i + 1).padStart(2, '0')}>
                  {name}
                </option>
              ))}
            </select>
            )}
          </Field>
          <Field id="child-year" label={t('children.year')}>
            {(control) => (
            <select {...control} value={values.year} onChange={(e) => set({ year: e.currentTarget.value })}>
              <option value="">{t('children.notSet')}</option>
              {Array.from({ length: YEARS_BACK }, (_, i) => String(thisYear - i)).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
            )}
          </Field>
        </div>
        {error?.field === 'birthMonth' && <p class="field-error">{error.message}</p>}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
        <span>{t('children.active')}</span>
      </label>
      <p class="hint">{t('children.activeHint')}</p>
      <div class="form-actions">
        <button type="submit" class="button primary">
          {t('children.save')}
        </button>
        <button type="button" class="button" onClick={back}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
