/**
 * Test support for export, import and erase (not imported by the app): a device filled with one
 * record of every kind, accents, quotes, line breaks and a formula-like note included.
 */
import type { NaptimeDb } from './db';
import { saveDraft } from './drafts';
import { saveSettings } from './settings';
import { saveChild, saveObservation, saveRecord, type SaveResult } from './write';

function ok<D>(result: SaveResult<D>): { id: string } {
  if (!result.ok) throw new Error(`fixture save failed: ${JSON.stringify(result)}`);
  return result.record as { id: string };
}

/** The ids the fixture wrote. */
export interface FixtureIds {
  ana: string;
  jose: string;
  note: string;
  formulaNote: string;
  otherNote: string;
}

/** Writes 2 children, 3 notes, a check-in, a PDSA cycle and a conflict record, plus a draft and a setting. */
export async function fillDevice(db: NaptimeDb): Promise<FixtureIds> {
  const ana = ok(await saveChild(db, { name: 'Ana', birthMonth: '2024-03' })).id;
  const jose = ok(await saveChild(db, { name: 'José Ñúñez' })).id;
  const note = ok(
    await saveObservation(db, {
      childIds: [ana, jose],
      observedAt: '2026-01-29T13:05:00-06:00',
      text: 'Sofía dijo "¡más!", y luego:\nse rió',
      with: ['older', 'younger'],
      nextStep: 'Más bloques, por favor',
    }),
  ).id;
  const formulaNote = ok(
    await saveObservation(db, {
      childIds: [ana],
      observedAt: '2026-01-28T09:00:00-06:00',
      text: '=HYPERLINK("http://x")',
    }),
  ).id;
  const otherNote = ok(
    await saveObservation(db, {
      childIds: [jose],
      observedAt: '2026-01-20T09:00:00-06:00',
      text: 'Climbed the slide',
    }),
  ).id;
  ok(
    await saveRecord(db, 'checkins', 'checkin-2026-W05', {
      week: '2026-W05',
      p1: 3,
      p2: 2,
      p3: 4,
      p4: 2,
      p5: 1,
      p6: 4,
    }),
  );
  ok(
    await saveRecord(db, 'pdsa', 'pdsa-cycle-1', {
      changeIdeaId: 'idea-1',
      changeIdea: 'Read at nap time',
      cycle: 1,
      purpose: 'test',
      driver: 'observe',
      objective: 'Calmer naps',
      questions: [{ question: 'Will they settle sooner?', prediction: 'Yes, most days' }],
      plan: { what: 'Two books before nap', who: 'Me' },
      startDate: '2026-01-26',
    }),
  );
  ok(
    await saveRecord(db, 'conflicts', 'conflict-1', {
      table: 'observations',
      recordId: note,
      kind: 'fields',
      fields: ['text'],
      winning: { text: 'a' },
      losing: { text: 'b' },
      winner: 'incoming',
      baseVersion: 1,
      resultVersion: 2,
      incoming: {
        deviceId: 'd1',
        hlc: '2026-01-29T19:05:00.000Z-0000-0000000000000001',
        mutationId: 'm1',
      },
      stored: { deviceId: 'd2', hlc: '2026-01-29T19:04:00.000Z-0000-0000000000000002' },
    }),
  );
  // Conflict records come from the server (SYNC.md §5): synced, with a version, no entry of their own.
  await db.conflicts.update('conflict-1', { version: 2, serverSeq: 7, syncStatus: 'synced' });
  await db.outbox.where('[table+recordId]').equals(['conflicts', 'conflict-1']).delete();
  await saveDraft(db, 'note:new', { text: 'half a thought' });
  await saveSettings(db, { language: 'es' });
  return { ana, jose, note, formulaNote, otherNote };
}

/** Every row of every table of the device (meta and outbox included), for before/after comparisons. */
export async function dumpDevice(db: NaptimeDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}
