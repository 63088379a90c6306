/**
 * Whether the browser keeps Naptime's data safe, and how much space it uses (DESIGN.md: ask
 * `navigator.storage.persist()`, show whether it was granted; on iPhone/iPad ask for the Home Screen).
 *
 * We ask for persistence when she opens Settings, once per start of the app: this screen is where
 * the answer is shown, so a browser that prompts (Firefox) asks at a moment that explains itself.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { needsHomeScreen, shouldShareFiles, type DeviceFacts } from './storage-status';

/** What Settings shows; `isPersisted` and `usageBytes` are null where the browser does not say. */
export interface StorageStatus {
  isPersisted: boolean | null;
  usageBytes: number | null;
  needsHomeScreen: boolean;
}

let hasAsked = false;

/** The facts of this browser and device. */
export function deviceFacts(): DeviceFacts {
  const standalone = window.matchMedia?.('(display-mode: standalone)').matches === true;
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return {
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    isStandalone: standalone || iosStandalone,
    isAppleHomeScreenApp: iosStandalone,
  };
}

/** True where a download does nothing and files go through the share sheet (iOS, installed). */
export function canOnlyShareFiles(): boolean {
  return shouldShareFiles(deviceFacts());
}

async function readStatus(mayAsk: boolean): Promise<StorageStatus> {
  const storage = navigator.storage as StorageManager | undefined;
  let isPersisted: boolean | null = null;
  let usageBytes: number | null = null;
  try {
    if (storage?.persisted) isPersisted = await storage.persisted();
    if (isPersisted === false && mayAsk && storage?.persist) isPersisted = await storage.persist();
  } catch {
    isPersisted = null;
  }
  try {
    if (storage?.estimate) usageBytes = (await storage.estimate()).usage ?? null;
  } catch {
    usageBytes = null;
  }
  return { isPersisted, usageBytes, needsHomeScreen: needsHomeScreen(deviceFacts()) };
}

/** True where the browser lets a page ask for persistent storage. */
export function canAskForPersistence(): boolean {
  return typeof navigator.storage?.persist === 'function';
}

/** Asks the browser again to keep her data (a button press, so a browser that prompts may prompt). */
export async function askForPersistence(): Promise<boolean | null> {
  try {
    return canAskForPersistence() ? await navigator.storage.persist() : null;
  } catch {
    return null;
  }
}

/** The storage status (`undefined` while reading) and a `refresh` to read it again after a change. */
export function useStorageStatus(): [StorageStatus | undefined, () => void] {
  const [status, setStatus] = useState<StorageStatus>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let isLive = true;
    const mayAsk = !hasAsked;
    hasAsked = true;
    void readStatus(mayAsk).then((next) => isLive && setStatus(next));
    return () => {
      isLive = false;
    };
  }, [round]);
  return [status, useCallback(() => setRound((n) => n + 1), [])];
}
