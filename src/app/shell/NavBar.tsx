import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { t } from '../i18n/i18n';
import { Icon } from '../ui/icons';
import { staffProfile } from '../state';
import { isCurrent, PRIMARY_NAV, STAFF_PRIMARY_NAV } from './nav-items';

/** The main navigation at the bottom (its places are listed in nav-items.ts). */
export function NavBar(): JSX.Element {
  const { path } = useLocation();
  const items = staffProfile.value ? STAFF_PRIMARY_NAV : PRIMARY_NAV;
  return (
    <nav
      class="nav-bar"
      aria-label={t('nav.label')}
      style={{ gridTemplateColumns: `repeat(${items.length}, 1fr)` }}
    >
      {items.map((item) => (
        <a
          key={item.href}
          href={item.href}
          class="nav-link"
          aria-current={isCurrent(item.href, path) ? 'page' : undefined}
        >
          <Icon name={item.icon} />
          <span>{t(item.label)}</span>
        </a>
      ))}
    </nav>
  );
}
