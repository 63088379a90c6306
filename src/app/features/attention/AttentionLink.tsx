import type { JSX } from 'preact';
import { tn } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';
import { useAttentionCount } from './use-attention';

/** The way to "Needs your attention", with how many things wait for her; nothing when none. */
export function AttentionLink(): JSX.Element | null {
  const count = useAttentionCount();
  if (!count) return null;
  return (
    <a class="attention-link" href="/attention">
      <Icon name="alert" size={20} />
      <span>{tn('attention.link', count)}</span>
    </a>
  );
}
