import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { Icon, type IconName } from '../../ui/icons';
import type { RecordState } from './use-attention';

const ICONS: Record<RecordState, IconName> = {
  pending: 'device',
  synced: 'check',
  rejected: 'alert',
  attention: 'twoVersions',
};

/**
 * A record's sync state where it is listed: a small icon and word, quiet (muted) while all is well,
 * marked only when she has something to do. Nothing before the device is connected.
 */
export function SyncBadge({
  state,
}: {
  state: RecordState | null | undefined;
}): JSX.Element | null {
  if (!state) return null;
  return (
    <span class={`sync-state sync-${state}`}>
      <Icon name={ICONS[state]} size={16} /> {t(`sync.state.${state}`)}
    </span>
  );
}
