/**
 * The first run (DESIGN.md 1): four steps on Home, each skippable and shown once — her language,
 * the children she cares for, her first note, and on iPhone/iPad the Home Screen. A step already
 * done (a child added some other way) is passed over. A device that has notes or children before
 * the first run was ever recorded belongs to someone who is past it: it is not shown.
 */
export const WELCOME_STEPS = ['language', 'children', 'note', 'home-screen'] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

/** What decides the step on screen. */
export interface WelcomeFacts {
  /** The step stored on the device (`done` once passed), or null before the first run began. */
  stored: WelcomeStep | 'done' | null;
  hasChildren: boolean;
  hasNotes: boolean;
  needsHomeScreen: boolean;
}

function isSatisfied(step: WelcomeStep, f: WelcomeFacts): boolean {
  // Going on to add children or notes in the language on screen answers the language step.
  if (step === 'language') return f.hasChildren || f.hasNotes;
  if (step === 'children') return f.hasChildren;
  if (step === 'note') return f.hasNotes;
  return !f.needsHomeScreen;
}

/** The step to show, from the stored one on, passing over those already done; null when none. */
export function currentWelcomeStep(f: WelcomeFacts): WelcomeStep | null {
  if (f.stored === 'done') return null;
  if (f.stored === null && (f.hasChildren || f.hasNotes)) return null;
  const from = f.stored === null ? 0 : WELCOME_STEPS.indexOf(f.stored);
  return WELCOME_STEPS.slice(from).find((s) => !isSatisfied(s, f)) ?? null;
}

/** What to store after she finishes or skips `step`. */
export function stepAfter(step: WelcomeStep): WelcomeStep | 'done' {
  return WELCOME_STEPS[WELCOME_STEPS.indexOf(step) + 1] ?? 'done';
}
