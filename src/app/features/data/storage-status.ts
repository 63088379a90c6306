/**
 * Pure helpers of the storage status (DESIGN.md "Architecture", Storage): Safari on iPhone and iPad
 * deletes a site's data after 7 days without use unless the app was added to the Home Screen, so
 * there we ask her to add it.
 */

/** What the detection needs from `navigator` (passed in, so tests need no browser). */
export interface DeviceFacts {
  userAgent: string;
  maxTouchPoints: number;
  /** True when running as an installed app (display-mode standalone, or iOS `navigator.standalone`). */
  isStandalone: boolean;
  /**
   * True in a Home Screen app of Apple's WebKit: `navigator.standalone` exists only there, so it
   * says "iOS, installed" even where the user agent or touch points would not.
   */
  isAppleHomeScreenApp: boolean;
}

/** True on iPhone, iPod and iPad, including iPadOS that reports itself as a Mac with a touch screen. */
export function isAppleMobile(facts: Pick<DeviceFacts, 'userAgent' | 'maxTouchPoints'>): boolean {
  if (/iPhone|iPad|iPod/.test(facts.userAgent)) return true;
  return /Macintosh/.test(facts.userAgent) && facts.maxTouchPoints > 1;
}

/** True when she should add Naptime to the Home Screen: an iPhone or iPad, in the browser. */
export function needsHomeScreen(facts: DeviceFacts): boolean {
  return isAppleMobile(facts) && !facts.isStandalone;
}

/** True where a download does nothing, so a file goes through the share sheet: iOS, installed. */
export function shouldShareFiles(facts: DeviceFacts): boolean {
  return facts.isAppleHomeScreenApp || (isAppleMobile(facts) && facts.isStandalone);
}

/** "850 KB" / "12.4 MB" in the given locale. */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, value] = bytes < 1_000_000 ? (['kilobyte', Math.max(bytes / 1000, 0)] as const) : (['megabyte', bytes / 1_000_000] as const);
  const digits = value < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}

const WEEK_MS = 7 * 86_400_000;

/**
 * True when the weekly "save a copy" reminder is due: not connected to an agency (the server is
 * then her backup), something worth saving, and a week since her last copy (or since she started).
 */
export function isCopyDue(
  s: { lastExportAt: string | null; firstUseAt: string | null; isConnected: boolean; hasNotes: boolean },
  now: Date,
): boolean {
  if (s.isConnected || !s.hasNotes) return false;
  const since = Date.parse(s.lastExportAt ?? s.firstUseAt ?? '');
  return Number.isNaN(since) || now.getTime() - since >= WEEK_MS;
}
