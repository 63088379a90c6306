import { describe, expect, it } from 'vitest';
import { formatBytes, isAppleMobile, isCopyDue, needsHomeScreen, shouldShareFiles } from './storage-status';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPADOS_AS_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

describe('isAppleMobile', () => {
  it('knows an iPhone, and an iPad that says it is a Mac but has a touch screen', () => {
    expect(isAppleMobile({ userAgent: IPHONE, maxTouchPoints: 5 })).toBe(true);
    expect(isAppleMobile({ userAgent: IPADOS_AS_MAC, maxTouchPoints: 5 })).toBe(true);
  });

  it('does not take a real Mac or an Android phone for one', () => {
    expect(isAppleMobile({ userAgent: IPADOS_AS_MAC, maxTouchPoints: 0 })).toBe(false);
    expect(isAppleMobile({ userAgent: ANDROID, maxTouchPoints: 5 })).toBe(false);
  });
});

describe('needsHomeScreen and shouldShareFiles', () => {
  it('ask for the Home Screen in Safari, and share files once installed', () => {
    expect(needsHomeScreen({ userAgent: IPHONE, maxTouchPoints: 5, isStandalone: false, isAppleHomeScreenApp: false })).toBe(true);
    expect(needsHomeScreen({ userAgent: IPHONE, maxTouchPoints: 5, isStandalone: true, isAppleHomeScreenApp: false })).toBe(false);
    expect(shouldShareFiles({ userAgent: IPHONE, maxTouchPoints: 5, isStandalone: true, isAppleHomeScreenApp: false })).toBe(true);
    expect(shouldShareFiles({ userAgent: ANDROID, maxTouchPoints: 5, isStandalone: true, isAppleHomeScreenApp: false })).toBe(false);
    expect(needsHomeScreen({ userAgent: ANDROID, maxTouchPoints: 5, isStandalone: false, isAppleHomeScreenApp: false })).toBe(false);
  });
  it('share files in any Apple Home Screen app, whatever the user agent says', () => {
    const facts = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', maxTouchPoints: 0 };
    expect(shouldShareFiles({ ...facts, isStandalone: true, isAppleHomeScreenApp: true })).toBe(true);
    expect(shouldShareFiles({ ...facts, isStandalone: true, isAppleHomeScreenApp: false })).toBe(false);
  });
});

describe('formatBytes', () => {
  it('writes kilobytes below a megabyte and megabytes above, in her language', () => {
    expect(formatBytes(850_000, 'en')).toBe('850 kB');
    expect(formatBytes(12_400_000, 'en')).toBe('12 MB');
    expect(formatBytes(2_450_000, 'es')).toBe('2,5 MB');
  });
});

describe('isCopyDue', () => {
  const base = { lastExportAt: null, firstUseAt: '2026-11-20T09:00:00-06:00', isConnected: false, hasNotes: true };
  const now = new Date('2026-12-02T15:00:00Z');

  it('reminds once a week has passed since her last copy, or since she started without one', () => {
    expect(isCopyDue(base, now)).toBe(true);
    expect(isCopyDue({ ...base, firstUseAt: '2026-11-30T09:00:00-06:00' }, now)).toBe(false);
    expect(isCopyDue({ ...base, lastExportAt: '2026-11-28T09:00:00-06:00' }, now)).toBe(false);
    expect(isCopyDue({ ...base, lastExportAt: '2026-11-25T08:00:00-06:00' }, now)).toBe(true);
  });

  it('stays quiet when connected to her agency or when there is nothing to save', () => {
    expect(isCopyDue({ ...base, isConnected: true }, now)).toBe(false);
    expect(isCopyDue({ ...base, hasNotes: false }, now)).toBe(false);
  });
});
