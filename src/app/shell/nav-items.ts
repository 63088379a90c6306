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

/** A staff device's places (SYNC.md §13): her Home, contact log, weekly survey and measures. */
export const STAFF_PRIMARY_NAV: NavItem[] = [
  { href: '/staff', label: 'nav.home', icon: 'home' },
  { href: '/staff/log', label: 'nav.staffLog', icon: 'notes' },
  { href: '/staff/survey', label: 'nav.staffSurvey', icon: 'checkin' },
  { href: '/staff/measures', label: 'nav.staffMeasures', icon: 'chart' },
];

export const STAFF_SECONDARY_NAV: NavItem[] = [
  { href: '/settings', label: 'nav.settings', icon: 'settings' },
];

/** True when `path` is at or under the item's place (a Home is current only at itself). */
export function isCurrent(href: string, path: string): boolean {
  if (href === '/' || href === '/staff') return path === href;
  return path === href || path.startsWith(`${href}/`);
}
