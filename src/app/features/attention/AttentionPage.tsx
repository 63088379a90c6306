import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { childLabels } from '../children/child-label';
import { useChildren } from '../children/use-children';
import { ConflictCard } from './ConflictCard';
import { RejectedList } from './RejectedList';
import type { WordsContext } from './field-words';
import { useDeviceId, useOpenConflicts, useRejected } from './use-attention';

/**
 * "Needs your attention" (SYNC.md §5, §9): what was changed on two devices, each with both
 * versions and her choice; then what the server did not accept, each opened to be fixed.
 */
export function AttentionPage(): JSX.Element {
  const conflicts = useOpenConflicts();
  const rejected = useRejected();
  const children = useChildren({ includeInactive: true });
  const deviceId = useDeviceId();
  const isLoading =
    conflicts === undefined ||
    rejected === undefined ||
    children === undefined ||
    deviceId === undefined;
  return (
    <section class="page attention">
      <h1>{t('attention.title')}</h1>
      {isLoading ? (
        <p class="hint">{t('common.loading')}</p>
      ) : conflicts.length === 0 && rejected.length === 0 ? (
        <>
          <p class="empty">{t('attention.none')}</p>
          <a href="/">{t('notFound.home')}</a>
        </>
      ) : (
        <>
          {conflicts.length > 0 && (
            <section aria-labelledby="attention-conflicts">
              <h2 id="attention-conflicts">{t('attention.conflictsTitle')}</h2>
              <p class="hint">{t('attention.conflictsIntro')}</p>
              {conflicts.map((item) => (
                <ConflictCard
                  key={item.conflict.id}
                  item={item}
                  ctx={contextOf(children)}
                  deviceId={deviceId}
                />
              ))}
            </section>
          )}
          {rejected.length > 0 && <RejectedList items={rejected} ctx={contextOf(children)} />}
        </>
      )}
    </section>
  );
}

function contextOf(children: NonNullable<ReturnType<typeof useChildren>>): WordsContext {
  return { childNames: childLabels(children.flatMap((c) => (c.ok ? [c.record] : []))) };
}
