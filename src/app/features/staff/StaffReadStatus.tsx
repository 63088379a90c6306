import type { JSX } from 'preact';
import type { StaffRead } from '../../../sync/staff-read';
import { dateFormat, t } from '../../i18n/i18n';

/** "As of <time>", why the answer is not fresher, and Refresh: the top of every staff page. */
export function StaffReadStatus<T>({
  read,
  isLoading,
  onRefresh,
}: {
  read: StaffRead<T> | undefined;
  isLoading: boolean;
  onRefresh: () => void;
}): JSX.Element {
  const time = (ms: number) =>
    dateFormat({
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(ms));
  const problem = read?.problem;
  const canRefresh = problem !== 'not-connected' && problem !== 'unauthenticated';
  return (
    <div class="staff-status">
      {read?.savedAt != null && <p class="hint">{t('staff.asOf', { time: time(read.savedAt) })}</p>}
      {problem && (
        <p class="notice" role="status">
          {t(`staff.problem.${problem}`)}
        </p>
      )}
      {problem === 'not-connected' && (
        <a class="button primary" href="/connect">
          {t('connect.link')}
        </a>
      )}
      {read &&
        read.answer === null &&
        (problem === 'offline' ||
          problem === 'network' ||
          problem === 'server' ||
          problem === 'bad-answer') && <p>{t('staff.nothingKept')}</p>}
      {isLoading && <p class="hint">{t('staff.loading')}</p>}
      {canRefresh && (
        <button type="button" class="button" onClick={onRefresh} disabled={isLoading}>
          {t('staff.refresh')}
        </button>
      )}
    </div>
  );
}
