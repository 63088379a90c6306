import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { StaffProvidersAnswerSchema, StaffSharedAnswerSchema } from '../../../domain/staff-read';
import { language, t } from '../../i18n/i18n';
import { useChartSettings } from '../progress/use-chart-settings';
import { SharedProviderCard } from './SharedProviderCard';
import { StaffReadStatus } from './StaffReadStatus';
import { useStaffRoute } from './use-staff-route';

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * The coach's view (SYNC.md §13, §17): her providers who share, in name order (never a ranking),
 * each with her own charts and sentences; the names of those who do not share; offline, what this
 * device kept, "as of" when it came.
 */
export function StaffProvidersPage(): JSX.Element {
  void language.value;
  const shared = useStaffRoute('/api/v1/staff/shared', StaffSharedAnswerSchema);
  const all = useStaffRoute('/api/v1/staff/providers', StaffProvidersAnswerSchema);
  const settings = useChartSettings();
  const today = useMemo(() => new Date(), [shared.read]);
  const answer = shared.read?.answer;
  const providers = answer
    ? [...answer.providers].sort((a, b) => byName.compare(a.name, b.name))
    : [];
  const sharing = new Set(providers.map((p) => p.providerId));
  const notSharing = (all.read?.answer?.providers ?? [])
    .filter((p) => !sharing.has(p.providerId))
    .map((p) => p.name)
    .sort(byName.compare);
  return (
    <section class="page staff-providers">
      <h1>{t('staff.providers.title')}</h1>
      <p class="hint">{t('staff.providers.intro')}</p>
      <StaffReadStatus
        read={shared.read}
        isLoading={shared.isLoading}
        onRefresh={() => {
          shared.refresh();
          all.refresh();
        }}
      />
      {answer && providers.length === 0 && <p class="notice">{t('staff.providers.empty')}</p>}
      {answer &&
        providers.map((p) => (
          <SharedProviderCard
            key={p.providerId}
            providerId={p.providerId}
            name={p.name}
            view={p.shared}
            rules={settings?.chartRules ?? 'ihi'}
            today={today}
          />
        ))}
      {notSharing.length > 0 && (
        <p class="hint">{t('staff.providers.notSharing', { names: notSharing.join(', ') })}</p>
      )}
    </section>
  );
}
