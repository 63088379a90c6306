import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { t } from '../i18n/i18n';
import { Icon } from '../ui/icons';
import { staffProfile } from '../state';
import { isCurrent, SECONDARY_NAV, STAFF_SECONDARY_NAV } from './nav-items';

/** The places she visits less often (her roster, settings), in the header. */
export function HeaderNav(): JSX.Element {
  const { path } = useLocation();
  return (
    <nav class="header-nav" aria-label={t('nav.more')}>
      {(staffProfile.value ? STAFF_SECONDARY_NAV : SECONDARY_NAV).map((item) => (
        <a
          key={item.href}
          href={item.href}
          class="header-link"
          aria-current={isCurrent(item.href, path) ? 'page' : undefined}
        >
          <Icon name={item.icon} size={20} />
          <span>{t(item.label)}</span>
        </a>
      ))}
    </nav>
  );
}
