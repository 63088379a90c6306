/**
 * What the simulated providers do (SYNC.md §11): children, notes edited on two devices, deletes
 * and restores, the same check-in week on two devices, PDSA cycles filled part by part, and now
 * and then a record an older build stored that the server refuses. Each committed write goes into
 * the device's ledger (the last value it committed per field), for invariant 1.
 */
import { checkinId } from '../../domain/records';
import type { NaptimeDb } from '../../storage/db';
import { queueChange } from '../../storage/outbox';
import { getRecord } from '../../storage/read';
import {
  deleteRecord,
  newRecordId,
  restoreRecord,
  saveChild,
  saveObservation,
  saveRecord,
  type SaveResult,
} from '../../storage/write';
import type { Device, Tab, World } from './world';

const NAMES = ['Ana', 'Luis', 'Mia', 'Theo', 'Sofía', 'Kai'];
const TEXTS = [
  'Stacked three blocks',
  'Said "más agua"',
  'Shared the red truck',
  'Climbed the step',
  'Counted to four',
];
const AREAS = ['social-emotional', 'language', 'cognition', 'motor-physical', null] as const;
const WEEKS = ['2026-W46', '2026-W47', '2026-W48'];
const IDEAS = ['idea-songs', 'idea-books'];

export function aliveTab(device: Device, r: World['r']): Tab | null {
  const alive = device.tabs.filter((t) => !t.dead);
  return alive.length ? r.pick(alive) : null;
}

async function ids(db: NaptimeDb, table: 'children' | 'observations' | 'pdsa'): Promise<string[]> {
  return (await db.synced(table).toCollection().primaryKeys()) as string[];
}

function remember(device: Device, table: string, result: SaveResult<unknown>, world: World): void {
  if (!result.ok) return;
  world.tally.writes += 1;
  const rec = result.record as { id: string; data: Record<string, unknown>; deleted: number };
  const fields = new Map<string, unknown>(Object.entries(rec.data));
  fields.set('deleted', rec.deleted);
  device.ledger.set(`${table}/${rec.id}`, fields);
}

/** One write on a random tab of `device`; returns its name for the trace. */
export async function randomWrite(
  world: World,
  device: Device,
  tab: Tab,
  focusId?: string,
): Promise<string> {
  const { r } = world;
  const db = tab.db;
  const kind = focusId
    ? 'edit-note'
    : r.pick([
        'child',
        'child',
        'note',
        'note',
        'edit-note',
        'edit-note',
        'delete',
        'checkin',
        'checkin',
        'pdsa',
        'pdsa',
        'bad',
      ]);
  const today = '2026-11-26T09:05:00-06:00';
  if (kind === 'child') {
    const existing = await ids(db, 'children');
    const id = existing.length && r.chance(0.5) ? r.pick(existing) : undefined;
    const res = await saveChild(db, {
      ...(id ? { id } : {}),
      name: r.pick(NAMES),
      active: r.chance(0.85),
    });
    remember(device, 'children', res, world);
    return `child ${id ? 'edit' : 'new'} ${res.ok}`;
  }
  if (kind === 'note') {
    const kids = await ids(db, 'children');
    const childIds = kids.length ? [r.pick(kids)] : ['child-unknown'];
    const res = await saveObservation(db, {
      childIds,
      observedAt: today,
      text: r.pick(TEXTS),
      area: r.pick(AREAS),
    });
    remember(device, 'observations', res, world);
    return `note new ${res.ok}`;
  }
  if (kind === 'edit-note' || kind === 'delete') {
    const notes = await ids(db, 'observations');
    const id = focusId ?? (notes.length ? r.pick(notes) : null);
    if (!id) return 'no note to change';
    const current = await getRecord(db, 'observations', id);
    if (!current?.ok) return 'note unreadable';
    let res: SaveResult<unknown>;
    if (kind === 'delete') {
      res = current.record.deleted
        ? await restoreRecord(db, 'observations', id)
        : await deleteRecord(db, 'observations', id);
    } else {
      const data = { ...current.record.data };
      if (r.chance(0.6)) data.text = `${r.pick(TEXTS)} (${device.name} ${r.int(1, 99)})`;
      else data.area = r.pick(AREAS);
      res = await saveObservation(db, { id, ...data });
    }
    remember(device, 'observations', res, world);
    return `${kind} ${res.ok}`;
  }
  if (kind === 'checkin') {
    const week = r.pick(WEEKS);
    const current = await getRecord(db, 'checkins', checkinId(week));
    const data: Record<string, unknown> = current?.ok ? { ...current.record.data } : { week };
    const q = r.pick(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    const ranges: Record<string, [number, number]> = {
      p1: [1, 12],
      p2: [0, 7],
      p3: [0, 20],
      p4: [0, 20],
      p5: [0, 20],
      p6: [1, 5],
    };
    data[q] = r.int(...ranges[q]!);
    if (typeof data.p4 === 'number' && typeof data.p5 === 'number' && data.p5 > data.p4)
      data.p5 = data.p4 === 0 ? null : data.p4;
    if (data.p4 === 0) data.p5 = null;
    const res = await saveRecord(db, 'checkins', checkinId(week), data);
    remember(device, 'checkins', res, world);
    return `checkin ${week} ${q} ${res.ok}`;
  }
  if (kind === 'pdsa') {
    const cycles = await ids(db, 'pdsa');
    if (!cycles.length || r.chance(0.3)) {
      const res = await saveRecord(db, 'pdsa', newRecordId(), {
        changeIdeaId: r.pick(IDEAS),
        changeIdea: 'Sing while washing hands',
        cycle: 1,
        purpose: 'test',
        driver: 'observe',
        objective: 'See if singing helps',
        questions: [],
        plan: {},
        startDate: '2026-11-23',
      });
      remember(device, 'pdsa', res, world);
      return `pdsa new ${res.ok}`;
    }
    const id = r.pick(cycles);
    const current = await getRecord(db, 'pdsa', id);
    if (!current?.ok) return 'pdsa unreadable';
    const data = { ...current.record.data } as Record<string, unknown>;
    const part = r.pick(['plan', 'do', 'learned', 'act']);
    if (part === 'plan')
      data.plan = { ...(data.plan as object), what: `Sing ${r.int(1, 9)} songs`, who: device.name };
    if (part === 'do')
      data.do = { asPlanned: r.chance(0.5), whatHappened: `It went ${r.pick(['well', 'so-so'])}` };
    if (part === 'learned') data.learned = `Learned ${r.int(1, 99)}`;
    if (part === 'act') data.act = r.pick(['adopt', 'adapt', 'abandon']);
    const res = await saveRecord(db, 'pdsa', id, data);
    remember(device, 'pdsa', res, world);
    return `pdsa ${part} ${res.ok}`;
  }
  // A record an older build stored that today's schema refuses (text over 4,000 characters).
  const id = newRecordId();
  world.badRecordIds.add(id);
  await db.transaction('rw', [db.observations, db.outbox], async () => {
    const stamp = '2026-11-26T06:00:00-06:00';
    const hlc = `2026-11-26T12:00:00.000Z-0000-${'0'.repeat(14)}bb`;
    const bad = {
      id,
      data: { childIds: ['child-unknown'], observedAt: today, text: 'x'.repeat(4001) },
      schemaVersion: 1,
      hlc,
      deviceId: device.deviceId,
      createdAt: stamp,
      updatedAt: stamp,
      deleted: 0 as const,
      version: 0,
      serverSeq: null,
      syncStatus: 'pending' as const,
    };
    await db.observations.put(bad);
    await queueChange(db, 'observations', bad, Object.keys(bad.data), hlc);
  });
  return 'bad record';
}

/** During a push of `device`: edit a record of the batch on the same device (a chained successor). */
export async function editDuringFlight(
  world: World,
  device: Device,
  body: { mutations: { table: string; id: string }[] },
) {
  const tab = aliveTab(device, world.r);
  if (!tab) return;
  const note = body.mutations.find(
    (m) => m.table === 'observations' && !world.badRecordIds.has(m.id),
  );
  world.trace(
    `  ${device.name} edits during flight: ${await randomWrite(world, device, tab, note?.id)}`,
  );
}
