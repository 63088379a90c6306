import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { addWeeks } from '../../../domain/dates';
import { t } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';
import { checkinId } from '../../../domain/records';
import { SyncBadge } from '../attention/SyncBadge';
import { useRecordState } from '../attention/use-attention';
import { useCheckin, useFirstUseWeek } from './use-checkin';

/** Home's check-in card: this week done or not, one tap to fill it in; last week if it is missing. */
export function CheckinHomeCard({ week }: { week: string }): JSX.Element {
  const { route } = useLocation();
  const current = useCheckin(week);
  const sync = useRecordState('checkins', checkinId(week));
  const lastWeek = addWeeks(week, -1);
  const last = useCheckin(lastWeek);
  const firstWeek = useFirstUseWeek();
  // Only a week she could have filled in is missing: not the weeks before she started.
  const isLastMissing = last === null && firstWeek != null && firstWeek <= lastWeek;
  return (
    <section class="card" aria-labelledby="home-checkin">
      <h2 id="home-checkin">{t('home.checkinTitle')}</h2>
      {current === undefined ? null : current ? (
        <p class="done">
          <Icon name="check" size={20} /> {t('checkin.doneThisWeek')}{' '}
          <a href="/checkin?from=/">{t('checkin.change')}</a> <SyncBadge state={sync?.state} />
        </p>
      ) : (
        <button type="button" class="button primary" onClick={() => route('/checkin?from=/')}>
          {t('checkin.fillThisWeek')}
        </button>
      )}
      {isLastMissing && (
        <p class="hint">
          {t('checkin.lastMissing')}{' '}
          <a href={`/checkin/${lastWeek}?from=/`}>{t('checkin.fillIt')}</a>
        </p>
      )}
    </section>
  );
}
