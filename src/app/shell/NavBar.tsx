import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n';
import { Icon } from '../ui/icons';

const ITEMS: { href: string; label: MessageKey; icon: 'home' | 'notes' | 'children' | 'settings' }[] = [
  { href: '/', label: 'nav.home', icon: 'home' },
  { href: '/notes', label: 'nav.notes', icon: 'notes' },
  { href: '/children', label: 'nav.children', icon: 'children' },
  { href: '/settings', label: 'nav.settings', icon: 'settings' },
];

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** The main navigation: four places, always in reach of a thumb. */
export function NavBar(): JSX.Element {
  const { path } = useLocation();
  return (
    <nav class="nav-bar" aria-label={t('nav.label')}>
      {ITEMS.map((item) => (
        <a key={item.href} href={item.href} class="nav-link" aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
          <Icon name={item.icon} />
          <span>{t(item.label)}</span>
        </a>
      ))}
    </nav>
  );
}
