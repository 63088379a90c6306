import { describe, expect, it } from 'vitest';
import { addWeeks, weekDays } from '../domain/dates';
import type { StoredRecord } from '../domain/envelope';
import { weeklyMeasures } from '../domain/measures';
import { progressOf, type PdsaCycleInput } from '../domain/progress';
import type { CheckinData, ObservationData, PdsaData } from '../domain/records';
import { mulberry32 } from '../domain/run-chart/noise';
import { MEASURE_IDS } from '../domain/tables';
import type { NaptimeDb } from './db';
import { META_KEYS, getMeta, setMeta } from './meta';
import { parseProgressRows, readProgressRows, type ProgressRecords } from './progress-read';
import { listAllRecords } from './read';
import { getSettings, saveSettings } from './settings';
import { testClock, useTestDbs } from './testing';
import { deleteRecord, newRecordId, saveObservation, saveRecord } from './write';

const open = useTestDbs();
const TODAY = new Date(2026, 4, 20, 12); // a Wednesday after every week written below
const FIRST_WEEK = '2025-W50';
const WEEKS = 20;

function ok<T extends { ok: boolean }>(result: T): T & { ok: true } {
  if (!result.ok) throw new Error(`fixture save failed: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/** Random weeks of notes (some deleted, some with an idea, some blank), check-ins and cycles. */
async function fillRandomly(db: NaptimeDb, seed: number): Promise<void> {
  const random = mulberry32(seed); // the same "random" data on every run
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  await setMeta(db, META_KEYS.firstUseAt, `${weekDays(FIRST_WEEK)[2]}T08:00:00-06:00`);
  for (let i = 0; i < WEEKS; i++) {
    const week = addWeeks(FIRST_WEEK, i);
    const days = weekDays(week);
    const count = Math.floor(random() * 6);
    for (let k = 0; k < count; k++) {
      const offset = pick(['-06:00', '-05:00', '+01:00', 'Z']);
      const saved = ok(
        await saveObservation(db, {
          childIds: [pick(['a', 'b', 'c'])],
          observedAt: `${pick(days)}T${pick(['00:30', '09:15', '23:45'])}:00${offset}`,
          text: `Note ${i}.${k}`,
          ...(random() < 0.4 ? { nextStep: pick(['More blocks', '   ', 'Sing at nap']) } : {}),
        }),
      );
      if (random() < 0.15) ok(await deleteRecord(db, 'observations', saved.record.id));
    }
    if (random() < 0.8) {
      const p1 = Math.floor(random() * 4);
      const p4 = Math.floor(random() * 6);
      ok(
        await saveRecord(db, 'checkins', `checkin-${week}`, {
          week,
          p1,
          p2: p1 === 0 ? null : Math.floor(random() * 8),
          p3: p1 === 0 ? null : Math.floor(random() * 5),
          p4,
          p5: p4 === 0 ? null : Math.floor(random() * (p4 + 1)),
          p6: random() < 0.9 ? 1 + Math.floor(random() * 5) : null,
        }),
      );
      if (random() < 0.05) ok(await deleteRecord(db, 'checkins', `checkin-${week}`));
    }
  }
  for (let n = 0; n < 3; n++) {
    const id = newRecordId();
    ok(
      await saveRecord(db, 'pdsa', id, {
        changeIdeaId: `idea-${n % 2}`,
        changeIdea: ` Idea ${n % 2} `,
        cycle: n + 1,
        purpose: 'test',
        driver: 'peer',
        objective: 'See whether it helps.',
        questions: [{ question: 'Will it go up?', prediction: 'Yes' }],
        plan: { what: 'Try it', who: 'Me' },
        startDate: weekDays(addWeeks(FIRST_WEEK, 3 + Math.floor(random() * 14)))[1]!,
        ...(random() < 0.7 ? { measure: pick(MEASURE_IDS) } : {}),
        ...(random() < 0.5 ? { startsPhase: true } : {}),
      }),
    );
    if (random() < 0.2) ok(await deleteRecord(db, 'pdsa', id));
  }
  await saveSettings(db, { chartRules: random() < 0.5 ? 'ihi' : 'anhoej' });
}

/** Progress as it was read before the snapshot: three whole-table reads, every row parsed. */
async function readTheOldWay(db: NaptimeDb) {
  const readable = <D>(items: Awaited<ReturnType<typeof listAllRecords>>) =>
    items.flatMap((i) => (i.ok ? [i.record as unknown as StoredRecord<D>] : []));
  const [observations, checkins, pdsa, firstUseAt, settings] = await Promise.all([
    listAllRecords(db, 'observations'),
    listAllRecords(db, 'checkins'),
    listAllRecords(db, 'pdsa'),
    getMeta(db, META_KEYS.firstUseAt),
    getSettings(db),
  ]);
  return {
    observations: readable<ObservationData>(observations),
    checkins: readable<CheckinData>(checkins),
    cycles: readable<PdsaData>(pdsa)
      .filter((r) => r.deleted !== 1)
      .map((r) => ({ ...r.data, id: r.id })) as PdsaCycleInput[],
    firstUseAt: typeof firstUseAt === 'string' ? firstUseAt : null,
    settings,
  };
}

function chartsOf(input: {
  observations: StoredRecord<ObservationData>[];
  checkins: StoredRecord<CheckinData>[];
  cycles: PdsaCycleInput[];
  firstUseAt: string | null;
  settings: ProgressRecords['settings'];
}) {
  const measures = weeklyMeasures({ ...input, today: TODAY });
  const { chartRules, medianMode, goals } = input.settings;
  return {
    measures,
    charts: progressOf(measures, input.cycles, { rules: chartRules, medianMode, goals }),
  };
}

const cyclesOf = (r: ProgressRecords): PdsaCycleInput[] =>
  r.pdsa.map((c) => ({ ...c.data, id: c.id }));

describe('the Progress snapshot', () => {
  it.each([1, 2, 3])(
    'gives exactly the measures and charts of reading every table whole (random data, seed %i)',
    async (seed) => {
      const db = await open(testClock('2026-05-20T15:00:00.000Z'));
      await fillRandomly(db, seed);
      // A chunk of 7 rows makes the parse hand back many times, across table boundaries.
      const parsed = await parseProgressRows(await readProgressRows(db), { chunk: 7 });
      const fresh = chartsOf({ ...parsed, cycles: cyclesOf(parsed) });
      const old = chartsOf(await readTheOldWay(db));
      expect(fresh.measures).toEqual(old.measures);
      expect(fresh.charts).toEqual(old.charts);
      expect(parsed.unreadable).toEqual([]);
      // The data is not trivial: notes in many weeks, and cycles on the charts.
      expect(fresh.measures.notes.points.filter((p) => p !== 0).length).toBeGreaterThan(5);
    },
  );

  it('leaves rows that do not parse out of every chart, lists them, and never writes them', async () => {
    const db = await open(testClock('2026-05-20T15:00:00.000Z'));
    await fillRandomly(db, 5);
    const note = ok(
      await saveObservation(db, {
        childIds: ['a'],
        observedAt: '2026-01-14T10:00:00-06:00',
        text: 'Soon damaged',
      }),
    ).record.id;
    await db.observations.update(note, { 'data.text': '' });
    await db.observations.put({ id: 'no-envelope', data: { observedAt: 'x' } } as never);
    ok(await saveRecord(db, 'checkins', 'checkin-2026-W02', { week: '2026-W02', p6: 3 }));
    await db.checkins.update('checkin-2026-W02', { 'data.p6': 9 });
    const before = {
      notes: await db.observations.toArray(),
      checkins: await db.checkins.toArray(),
    };

    const parsed = await parseProgressRows(await readProgressRows(db));
    expect(parsed.unreadable).toEqual(
      expect.arrayContaining([
        { table: 'observations', id: note },
        { table: 'observations', id: 'no-envelope' },
        { table: 'checkins', id: 'checkin-2026-W02' },
      ]),
    );
    expect(parsed.observations.map((r) => r.id)).not.toContain(note);
    expect(chartsOf({ ...parsed, cycles: cyclesOf(parsed) })).toEqual(
      chartsOf(await readTheOldWay(db)),
    );
    expect(await db.observations.toArray()).toEqual(before.notes);
    expect(await db.checkins.toArray()).toEqual(before.checkins);
  });

  it('does not parse deleted rows: a damaged deleted note is neither counted nor listed', async () => {
    const db = await open();
    const id = ok(
      await saveObservation(db, {
        childIds: ['a'],
        observedAt: '2026-01-14T10:00:00-06:00',
        text: 'Gone',
      }),
    ).record.id;
    ok(await deleteRecord(db, 'observations', id));
    await db.observations.update(id, { 'data.text': '' });
    const parsed = await parseProgressRows(await readProgressRows(db));
    expect(parsed.observations).toEqual([]);
    expect(parsed.unreadable).toEqual([]);
  });

  it('hands the main thread back between chunks', async () => {
    const db = await open();
    for (let i = 0; i < 5; i++)
      ok(
        await saveObservation(db, {
          childIds: ['a'],
          observedAt: `2026-01-1${i}T10:00:00-06:00`,
          text: `Note ${i}`,
        }),
      );
    const rows = await readProgressRows(db);
    let isTimerRun = false;
    setTimeout(() => (isTimerRun = true), 0);
    const parsing = parseProgressRows(rows, { chunk: 2 });
    expect(isTimerRun).toBe(false);
    const parsed = await parsing;
    expect(isTimerRun).toBe(true);
    expect(parsed.observations).toHaveLength(5);
    // With no chunk limit reached, nothing waits for a timer.
    isTimerRun = false;
    setTimeout(() => (isTimerRun = true), 0);
    await parseProgressRows(rows, { chunk: 100 });
    expect(isTimerRun).toBe(false);
  });

  it('reads firstUseAt and the chart settings in the same snapshot', async () => {
    const db = await open();
    await setMeta(db, META_KEYS.firstUseAt, '2026-01-05T08:00:00-06:00');
    await saveSettings(db, { chartRules: 'anhoej', goals: { p6: 4 } });
    const parsed = await parseProgressRows(await readProgressRows(db));
    expect(parsed.firstUseAt).toBe('2026-01-05T08:00:00-06:00');
    expect(parsed.settings).toEqual(await getSettings(db));
    expect(parsed.settings.chartRules).toBe('anhoej');
  });
});
