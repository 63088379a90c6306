import type { JSX } from 'preact';
import './staff.css';
import { contactCount } from '../../../domain/agency-records';
import { isoWeekOf, toCalendarDate } from '../../../domain/dates';
import { t, tn } from '../../i18n/i18n';
import { staffProfile } from '../../state';
import { Icon } from '../../ui/icons';
import { SyncCard } from '../home/SyncCard';
import { useStaffCheckin, useTaContacts } from './use-staff';

/**
 * A staff member's Home: log a contact in one tap, this week at a glance (contacts logged, the
 * survey), her other places, and the sync card as on a provider's Home. The coach view and the
 * collaborative charts are other screens (`/staff/providers`, `/staff/charts`).
 */
export function StaffHomePage(): JSX.Element {
  const profile = staffProfile.value;
  const week = isoWeekOf(toCalendarDate(new Date()));
  const contacts = useTaContacts();
  const survey = useStaffCheckin(week);
  const thisWeek = (contacts ?? []).reduce(
    (n, c) =>
      n + (c.ok && isoWeekOf(c.record.data.date) === week ? contactCount(c.record.data) : 0),
    0,
  );
  const role = profile ? t(`staff.role.${profile.role}`) : '';
  const readsProviders = profile?.role === 'coach' || profile?.role === 'manager';
  return (
    <section class="page home staff-home">
      <h1>{t('staff.home.hello', { staff: profile?.staffName ?? '' })}</h1>
      {profile && (
        <p class="hint staff-role">
          {profile.agencyName ? t('staff.home.roleAt', { role, agency: profile.agencyName }) : role}
        </p>
      )}
      <a class="button primary big" href="/staff/log/new?from=/staff">
        <Icon name="plus" /> {t('staff.home.newContact')}
      </a>
      <section class="card" aria-labelledby="staff-week">
        <h2 id="staff-week">{t('staff.home.thisWeek')}</h2>
        <p>
          {contacts === undefined
            ? t('common.loading')
            : tn('staff.home.contactsThisWeek', thisWeek)}
        </p>
        <p>
          {survey === undefined
            ? t('common.loading')
            : t(
                survey?.ok && !survey.record.deleted
                  ? 'staff.home.surveyDone'
                  : 'staff.home.surveyOpen',
              )}
        </p>
        <a class="button" href={`/staff/survey/${week}`}>
          {t('staff.home.survey')}
        </a>
      </section>
      <nav class="card" aria-labelledby="staff-places">
        <h2 id="staff-places">{t('staff.home.places')}</h2>
        <ul class="link-list">
          <li>
            <a href="/staff/log">{t('staff.link.log')}</a>
          </li>
          <li>
            <a href="/staff/measures">{t('staff.link.measures')}</a>
          </li>
          {readsProviders && (
            <li>
              <a href="/staff/providers">{t('staff.link.providers')}</a>
            </li>
          )}
          <li>
            <a href="/staff/charts">{t('staff.link.charts')}</a>
          </li>
          {profile?.role === 'manager' && (
            <li>
              <a href="/staff/events">{t('staff.link.events')}</a>
            </li>
          )}
        </ul>
      </nav>
      <SyncCard />
    </section>
  );
}
