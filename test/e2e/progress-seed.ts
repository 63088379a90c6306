/**
 * Browser-side seed for the Progress test: bundled with esbuild (iife) and injected into the app's
 * page, it writes a year of data into the app's own IndexedDB database through the storage
 * functions (`saveChild`, `saveObservation`, `saveRecord`, `setMeta`), as her own saves would.
 * The shape follows the pilot's Chart 2: P5/P4 about 60 % for 20 weeks, a rise over five steps, then
 * about 80 %; a PDSA cycle starts the week before the rise. One week has no check-in (a gap).
 */
import { addWeeks, isoWeekOf, toCalendarDate, weekDays } from '../../src/domain/dates';
import { NaptimeDb } from '../../src/storage/db';
import { META_KEYS, setMeta } from '../../src/storage/meta';
import { newRecordId, saveChild, saveObservation, saveRecord } from '../../src/storage/write';

export const SEED_WEEKS = 52;
export const RISE_START = 20;
export const PDSA_INDEX = 19;
export const MISSING_INDEX = 33;
export const CHANGE_IDEA = 'Talk about toddlers at the Friday peer call';
/** Where the optional second cycle (adopted, marked as starting a new phase) starts. */
export const PHASE_INDEX = 36;
export const PHASE_IDEA = 'A toddler question on every peer call';

/** P5/P4 of each week: about 60 % for 20 weeks (the last two a little below), five steps up, then about 80 %. */
export const P5_OF_P4: [number, number][] = [
  [3, 5],
  [4, 6],
  [2, 4],
  [3, 5],
  [5, 8],
  [4, 7],
  [3, 5],
  [4, 6],
  [5, 9],
  [3, 5],
  [2, 4],
  [5, 8],
  [3, 5],
  [4, 6],
  [3, 5],
  [2, 4],
  [5, 8],
  [3, 5],
  [1, 2],
  [5, 9],
  [13, 20],
  [7, 10],
  [8, 11],
  [3, 4],
  [7, 9],
  ...Array.from(
    { length: SEED_WEEKS - 25 },
    (_, i): [number, number] =>
      (
        [
          [4, 5],
          [8, 10],
          [5, 6],
          [3, 4],
          [4, 5],
          [9, 11],
        ] as const
      )[i % 6] as [number, number],
  ),
];

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function ok<T extends { ok: boolean }>(result: T): T & { ok: true } {
  if (!result.ok) throw new Error(`seed save failed: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/** What the seed wrote, for the test's expectations. */
export interface SeedSummary {
  weeks: string[];
  pdsaWeek: string;
  /** The cycle's start date (the Thursday of `pdsaWeek`). */
  pdsaStart: string;
  notes: number;
}

/** How much to seed: `withPhase` adds a second cycle that starts a new phase at `phaseIndex`. */
export interface SeedOptions {
  withPhase?: boolean;
  weeks?: number;
  phaseIndex?: number;
}

/** Writes the year (or `weeks` weeks) into the database `naptime` (the app's own) and closes it. */
export async function seedYear(options: SeedOptions | boolean = false): Promise<SeedSummary> {
  const {
    withPhase = false,
    weeks: length = SEED_WEEKS,
    phaseIndex = PHASE_INDEX,
  } = typeof options === 'boolean' ? { withPhase: options } : options;
  const db = new NaptimeDb();
  await db.open();
  const random = prng(42);
  const thisWeek = isoWeekOf(toCalendarDate(new Date()));
  const weeks = Array.from({ length }, (_, i) => addWeeks(thisWeek, i - length));
  try {
    await setMeta(db, META_KEYS.firstUseAt, `${weekDays(weeks[0]!)[0]}T08:00:00-06:00`);
    const children = [];
    for (const name of ['Ana', 'Leo', 'Mía'])
      children.push(ok(await saveChild(db, { name, birthMonth: '2024-09' })).record.id);

    let notes = 0;
    for (const [i, week] of weeks.entries()) {
      const days = weekDays(week);
      const count = 2 + Math.floor(random() * 4) + (i >= RISE_START ? 1 : 0);
      for (let k = 0; k < count; k++) {
        const day = days[Math.floor(random() * 5)]!;
        ok(
          await saveObservation(db, {
            childIds: [children[k % children.length]!],
            observedAt: `${day}T${String(9 + k).padStart(2, '0')}:15:00-06:00`,
            text: `Stacked ${3 + k} blocks and said “more”.`,
            ...(random() < 0.45 ? { nextStep: 'Offer the big blocks at the low table.' } : {}),
          }),
        );
        notes += 1;
      }
      if (i === MISSING_INDEX) continue;
      const [p5, p4] = P5_OF_P4[i]!;
      ok(
        await saveRecord(db, 'checkins', `checkin-${week}`, {
          week,
          p1: 3,
          p2: 2 + Math.floor(random() * 4),
          p3: 1 + Math.floor(random() * 3) + (i >= RISE_START ? 1 : 0),
          p4,
          p5,
          p6: 2 + Math.floor(random() * 3),
        }),
      );
    }

    const pdsaWeek = weeks[PDSA_INDEX]!;
    const pdsaStart = weekDays(pdsaWeek)[3]!;
    ok(
      await saveRecord(db, 'pdsa', newRecordId(), {
        changeIdeaId: 'peer-talk',
        changeIdea: CHANGE_IDEA,
        cycle: 1,
        purpose: 'test',
        driver: 'peer',
        objective: 'Bring one toddler question to each peer call.',
        questions: [
          { question: 'Will more of our talk be about toddlers?', prediction: 'Yes, most weeks' },
        ],
        plan: { what: 'One toddler question per call', who: 'Me' },
        measure: 'p5-of-p4',
        startDate: pdsaStart,
      }),
    );
    if (withPhase) {
      ok(
        await saveRecord(db, 'pdsa', newRecordId(), {
          changeIdeaId: 'peer-talk',
          changeIdea: PHASE_IDEA,
          cycle: 2,
          purpose: 'implement',
          driver: 'peer',
          objective: 'Keep it going.',
          questions: [],
          plan: {},
          measure: 'p5-of-p4',
          startDate: weekDays(weeks[phaseIndex]!)[0]!,
          startsPhase: true,
        }),
      );
    }
    return { weeks, pdsaWeek, pdsaStart, notes };
  } finally {
    db.close();
  }
}

// The test imports the constants above in Node; only the page gets the seed function.
if (typeof window !== 'undefined')
  (window as unknown as { naptimeSeed: typeof seedYear }).naptimeSeed = seedYear;
