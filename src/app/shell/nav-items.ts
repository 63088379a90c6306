/** Where the navigation goes. Primary places sit in the bottom bar, within a thumb's reach; the rest in the header. */
import type { MessageKey } from '../i18n/en';
import type { IconName } from '../ui/icons';

export interface NavItem {
  href: string;
  label: MessageKey;
  icon: IconName;
}

export const PRIMARY_NAV: NavItem[] = [
  { href: '/', label: 'nav.home', icon: 'home' },
  { href: '/notes', label: 'nav.notes', icon: 'notes' },
  { href: '/checkin', label: 'nav.checkin', icon: 'checkin' },
  { href: '/pdsa', label: 'nav.pdsa', icon: 'cycle' },
  { href: '/progress', label: 'nav.progress', icon: 'chart' },
];

export const SECONDARY_NAV: NavItem[] = [
  { href: '/children', label: 'nav.children', icon: 'children' },
  { href: '/settings', label: 'nav.settings', icon: 'settings' },
];

/** True when `path` is at or under the item's place. */
export function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}
