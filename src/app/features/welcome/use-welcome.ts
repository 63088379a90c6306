/** The first run's step, kept in `meta` (local to the device). `undefined` means loading. */
import { getMeta, setMeta } from '../../../storage/meta';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';
import { useLiveQuery } from '../../ui/use-live-query';
import { deviceFacts } from '../data/use-storage-status';
import { needsHomeScreen } from '../data/storage-status';
import { WELCOME_STEPS, currentWelcomeStep, stepAfter, type WelcomeStep } from './welcome-steps';

const KEY = 'welcomeStep';

function readStored(value: unknown): WelcomeStep | 'done' | null {
  return value === 'done' || (WELCOME_STEPS as readonly unknown[]).includes(value)
    ? (value as WelcomeStep | 'done')
    : null;
}

/** The step to show now, or null when the first run is over. */
export function useWelcomeStep(): WelcomeStep | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [stored, children, notes] = await Promise.all([
      getMeta(db, KEY),
      db.children.count(),
      db.observations.count(),
    ]);
    return currentWelcomeStep({
      stored: readStored(stored),
      hasChildren: children > 0,
      hasNotes: notes > 0,
      needsHomeScreen: needsHomeScreen(deviceFacts()),
    });
  }, []);
}

/** Moves on from `step` (done or skipped). */
export async function passWelcomeStep(db: NaptimeDb, step: WelcomeStep): Promise<void> {
  await setMeta(db, KEY, stepAfter(step));
}

/** Records that the first run has begun, so adding a child elsewhere does not end it. */
export async function beginWelcome(db: NaptimeDb): Promise<void> {
  if ((await getMeta(db, KEY)) === undefined) await setMeta(db, KEY, 'language');
}
