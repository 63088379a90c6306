/**
 * Browser-side seed for the Progress bench (bench/progress.ts; DESIGN.md 6): bundled with esbuild
 * (iife) and injected into the app's page, it writes three years (156 weeks, ending with the last
 * complete week) of a provider's data into the app's own IndexedDB database `naptime` through the
 * storage functions (`saveChild`, `saveObservation`, `saveRecord`, `setMeta`), as her own saves
 * would: 3 to 7 notes a week (about 5), a check-in every week, and three PDSA cycles (the third
 * starts a new phase). test/e2e/progress-seed.ts seeds one fixed year and takes no length, hence
 * this file. It lives in a subfolder so that bench/run.mjs does not take it for a bench module.
 */
import { addWeeks, isoWeekOf, toCalendarDate, weekDays } from '../../src/domain/dates';
import { mulberry32 } from '../../src/domain/run-chart/noise';
import type { MeasureId } from '../../src/domain/tables';
import { NaptimeDb } from '../../src/storage/db';
import { META_KEYS, setMeta } from '../../src/storage/meta';
import { newRecordId, saveChild, saveObservation, saveRecord } from '../../src/storage/write';

export interface BenchSeedOptions {
  weeks: number;
}

export interface BenchSeedSummary {
  weeks: number;
  firstWeek: string;
  lastWeek: string;
  notes: number;
  checkins: number;
  pdsaCycles: number;
  seedMs: number;
}

function ok<T extends { ok: boolean }>(result: T): T & { ok: true } {
  if (!result.ok) throw new Error(`seed save failed: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/** The cycles: [week index, measure, change idea, startsPhase]. */
function cyclesFor(weeks: number): [number, MeasureId, string, boolean][] {
  return [
    [Math.floor(weeks * 0.25), 'p5-of-p4', 'Talk about toddlers at the Friday peer call', false],
    [Math.floor(weeks * 0.5), 'notes-with-idea', 'Write one idea to try next on every note', false],
    [Math.floor(weeks * 0.7), 'p3', 'A toddler question on every peer call', true],
  ];
}

/** Writes `weeks` weeks into the database `naptime` (the app's own) and closes it. */
export async function seedWeeks({ weeks: length }: BenchSeedOptions): Promise<BenchSeedSummary> {
  const started = performance.now();
  const db = new NaptimeDb();
  await db.open();
  const random = mulberry32(156); // the same data on every run
  const thisWeek = isoWeekOf(toCalendarDate(new Date()));
  const weeks = Array.from({ length }, (_, i) => addWeeks(thisWeek, i - length));
  const cycles = cyclesFor(length);
  const firstCycle = cycles[0]![0];
  try {
    await setMeta(db, META_KEYS.firstUseAt, `${weekDays(weeks[0]!)[0]}T08:00:00-06:00`);
    const children: string[] = [];
    for (const name of ['Ana', 'Leo', 'Mía', 'Sofía'])
      children.push(ok(await saveChild(db, { name, birthMonth: '2024-09' })).record.id);

    let notes = 0;
    let checkins = 0;
    for (const [i, week] of weeks.entries()) {
      const days = weekDays(week);
      const isAfterChange = i > firstCycle;
      const count = 3 + Math.floor(random() * 5); // 3..7, about 5
      for (let k = 0; k < count; k++) {
        const day = days[Math.floor(random() * 5)]!;
        ok(
          await saveObservation(db, {
            childIds: [children[(i + k) % children.length]!],
            observedAt: `${day}T${String(8 + k).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00-06:00`,
            text: `Stacked ${3 + k} blocks and said “more”, then handed one to a friend.`,
            ...(random() < (i > cycles[1]![0] ? 0.6 : 0.4)
              ? { nextStep: 'Offer the big blocks at the low table.' }
              : {}),
          }),
        );
        notes += 1;
      }
      const p4 = 3 + Math.floor(random() * 8);
      const share = isAfterChange ? 0.8 : 0.6;
      const p5 = Math.min(p4, Math.max(0, Math.round(p4 * share + (random() - 0.5) * 2)));
      ok(
        await saveRecord(db, 'checkins', `checkin-${week}`, {
          week,
          p1: 3,
          p2: 2 + Math.floor(random() * 4),
          p3: 1 + Math.floor(random() * 3) + (i > cycles[2]![0] ? 1 : 0),
          p4,
          p5,
          p6: 2 + Math.floor(random() * 3),
        }),
      );
      checkins += 1;
    }

    for (const [n, [index, measure, changeIdea, startsPhase]] of cycles.entries()) {
      ok(
        await saveRecord(db, 'pdsa', newRecordId(), {
          changeIdeaId: `bench-${n + 1}`,
          changeIdea,
          cycle: 1,
          purpose: startsPhase ? 'implement' : 'test',
          driver: 'peer',
          objective: 'See whether the change makes a difference.',
          questions: [{ question: 'Will the measure go up?', prediction: 'Yes, most weeks' }],
          plan: { what: changeIdea, who: 'Me' },
          measure,
          startDate: weekDays(weeks[index]!)[3]!,
          ...(startsPhase ? { startsPhase: true } : {}),
        }),
      );
    }
    return {
      weeks: length,
      firstWeek: weeks[0]!,
      lastWeek: weeks[length - 1]!,
      notes,
      checkins,
      pdsaCycles: cycles.length,
      seedMs: Math.round(performance.now() - started),
    };
  } finally {
    db.close();
  }
}

if (typeof window !== 'undefined')
  (window as unknown as { naptimeBenchSeed: typeof seedWeeks }).naptimeBenchSeed = seedWeeks;
