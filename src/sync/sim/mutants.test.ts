/**
 * Deliberately broken clients (SYNC.md §11): each must make the simulation fail, and the invariant
 * that catches it is named here. The switch is a test-only dependency of the client (`mutant`).
 */
import { describe, expect, it } from 'vitest';
import type { SyncMutant } from '../deps';
import { runSeed } from './run-seed';

const MUTANTS: { mutant: SyncMutant; caughtBy: string; what: string }[] = [
  {
    mutant: 'drop-entry-before-send',
    caughtBy: 'invariant 1',
    what: 'drops the outbox entry before the answer is applied',
  },
  {
    mutant: 'cursor-before-page',
    caughtBy: 'invariant 3',
    what: 'saves the cursor apart from (before) its page',
  },
  {
    mutant: 'no-inflight-resend',
    caughtBy: 'invariant 3',
    what: 'never sends again an entry left in flight',
  },
  { mutant: 'no-lock', caughtBy: 'invariant 7', what: 'runs without the cross-tab lock' },
];

describe('the simulation catches broken clients', () => {
  for (const { mutant, caughtBy, what } of MUTANTS) {
    it(`fails a client that ${what} (${caughtBy})`, async () => {
      // Seeds are no exact replays (test/README.md): the first seed that breaks something may break
      // another invariant first, so seeds go on until the named one is broken.
      const found: string[] = [];
      const caught = () => found.some((p) => p.startsWith(caughtBy));
      for (let seed = 1; seed <= 8 && !caught(); seed++)
        found.push(...(await runSeed(seed, { mutant })).problems);
      console.log(`mutant ${mutant}: ${found.length} problems, first: ${found[0]}`);
      expect(caught(), found.slice(0, 5).join('\n')).toBe(true);
    }, 300_000);
  }
});
