import type { JSX } from 'preact';
import type { StaffProvider } from '../../../storage/staff';
import { t } from '../../i18n/i18n';
import { Field } from '../../ui/Field';
import { showsList, TYPED_PROVIDER, type ContactForm } from './contact-form';

interface Props {
  form: ContactForm;
  /** Her providers from the server's last answer; `null` before the first one reached this device. */
  providers: readonly StaffProvider[] | null;
  /** The name stored with the contact being edited (for a provider no longer on her list). */
  storedName: string | null;
  onChange: (next: Partial<ContactForm>) => void;
  error: string | null;
}

/**
 * The provider of a contact: a list (SYNC.md §17, name order) with "someone not on the list"; or,
 * while the list has not reached this device, a name typed in (nothing is refused offline).
 */
export function ProviderField({
  form,
  providers,
  storedName,
  onChange,
  error,
}: Props): JSX.Element {
  const list = showsList(providers, form) ? providers : null;
  const isTyped = list === null || form.providerChoice === TYPED_PROVIDER;
  const isOld =
    list !== null &&
    form.providerChoice !== '' &&
    form.providerChoice !== TYPED_PROVIDER &&
    !list.some((p) => p.providerId === form.providerChoice);
  return (
    <>
      {list !== null && (
        <Field
          id="contact-provider"
          label={t('staff.contact.provider')}
          error={isTyped ? null : error}
        >
          {(control) => (
            <select
              {...control}
              value={form.providerChoice}
              onChange={(e) => onChange({ providerChoice: e.currentTarget.value })}
            >
              <option value="">{t('staff.contact.providerChoose')}</option>
              {list.map((p) => (
                <option key={p.providerId} value={p.providerId}>
                  {p.name}
                </option>
              ))}
              {isOld && (
                <option value={form.providerChoice}>
                  {t('staff.contact.providerOld', { name: storedName ?? '' })}
                </option>
              )}
              <option value={TYPED_PROVIDER}>{t('staff.contact.providerOther')}</option>
            </select>
          )}
        </Field>
      )}
      {isTyped && (
        <Field
          id="contact-provider-name"
          label={t('staff.contact.providerTyped')}
          hint={
            providers === null
              ? t('staff.contact.providerTypedHint')
              : list === null
                ? t('staff.contact.providerNoneHint')
                : null
          }
          error={error}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              maxLength={200}
              value={form.typedName}
              onInput={(e) => onChange({ typedName: e.currentTarget.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}
