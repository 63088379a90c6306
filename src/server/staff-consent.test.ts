/**
 * The consent fuzz test of the staff read answers (SYNC.md §14, §17), on the in-memory store: random
 * collaboratives whose providers each hold one consent state (none, nothing, numbers,
 * numbers-and-pdsa, a deleted or an unreadable sharing record); every staff member makes every call,
 * twice, the states reshuffled in between. No answer holds, by value, a record value of a provider
 * who does not share or the PDSA text of one who shares numbers only; and every answer equals the
 * answer of the same collaborative with those records removed (her data changes nothing, not even
 * through the roll-ups' history). The same calls run on the backends in staff-routes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { STAFF_ROUTES, staffAnswer, type StaffRoute } from './staff-reads';
import {
  forbiddenValues,
  leak,
  loadMemory,
  randomWorld,
  reshuffle,
  seeded,
  staffCalls,
  worldRecords,
  type World,
} from './test-consent-world';
import { MemoryStaffStore } from './test-staff-store';
import { T0 } from './test-support';

async function call(store: MemoryStaffStore, world: World, staffId: string, path: string) {
  const viewer = world.staff.find((s) => s.staffId === staffId)!;
  const url = new URL(path, 'http://x');
  const route = url.pathname.split('/').pop() as StaffRoute;
  expect(STAFF_ROUTES).toContain(route);
  try {
    const answer = await staffAnswer(
      store,
      { staffId, role: viewer.role, agencyId: viewer.agencyId },
      route,
      url.searchParams,
      T0,
    );
    return { status: 200, text: JSON.stringify(answer) };
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    expect(e.status).toBeLessThan(500);
    return { status: e.status, text: JSON.stringify({ code: e.code }) };
  }
}

describe('consent on every staff answer (SYNC.md §14, fuzz)', () => {
  it('never shows a value a provider does not share, and her unshared data changes nothing', async () => {
    let answers = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const random = seeded(seed);
      const world = randomWorld(random);
      const full = new MemoryStaffStore();
      const stripped = new MemoryStaffStore();
      for (let round = 0; round < 2; round++) {
        if (round > 0) reshuffle(world, random);
        const records = worldRecords(world, seed * 100 + round);
        loadMemory(full, world, records);
        loadMemory(stripped, world, records, true);
        for (const viewer of world.staff)
          for (const path of staffCalls(world)) {
            const got = await call(full, world, viewer.staffId, path);
            const context = `seed ${seed} round ${round} ${viewer.staffId} ${path}`;
            expect(leak(got.text, forbiddenValues(world, viewer, path)), context).toBeNull();
            expect(got, context).toEqual(await call(stripped, world, viewer.staffId, path));
            if (got.status === 200) answers++;
          }
      }
    }
    // Most calls are answered (the rest are the roles' 403s and a collaborative's missing agency).
    expect(answers).toBeGreaterThan(500);
  });
});
