import { describe, expect, it } from 'vitest';
import { historyFloor } from './sqlite-history';
import { backends } from './test-backends';
import { hlcAt, noteCreate, T0, update, type TestServer } from './test-support';

const BACKENDS = backends();

describe.each(BACKENDS)('on $name', (backend) => {
  const makeServer = backend.server;

  const DAY = 24 * 60 * 60 * 1000;

  async function versionsOf(s: TestServer, id: string): Promise<number[]> {
    const dump = await s.repository.dump();
    return (dump.record_versions as { id: string; version: number }[])
      .filter((v) => v.id === id)
      .map((v) => v.version);
  }

  describe('bounded version history', () => {
    it('computes the floor from what each active device last wrote or acknowledged by cursor', () => {
      const rows = [
        { version: 1, server_seq: 1, device_id: 'a' },
        { version: 2, server_seq: 4, device_id: 'b' },
        { version: 3, server_seq: 9, device_id: 'a' },
      ];
      expect(historyFloor(rows, [{ id: 'a', ackedSeq: 0 }], 'a', 4)).toBe(4);
      expect(
        historyFloor(
          rows,
          [
            { id: 'a', ackedSeq: 0 },
            { id: 'b', ackedSeq: 0 },
          ],
          'a',
          4,
        ),
      ).toBe(2);
      expect(
        historyFloor(
          rows,
          [
            { id: 'a', ackedSeq: 0 },
            { id: 'b', ackedSeq: 9 },
          ],
          'a',
          4,
        ),
      ).toBe(3);
      // Never wrote it, no cursor past it: it may hold any version kept, so nothing is pruned.
      expect(historyFloor(rows, [{ id: 'c', ackedSeq: 0 }], 'a', 4)).toBe(1);
    });

    it('keeps no earlier version when the only device edits on its own latest version', async () => {
      const s = await makeServer();
      const p = await s.createProvider();
      const a = await s.enroll(p.providerId);
      const m = noteCreate();
      await s.push(a, [m]);
      for (let v = 1; v <= 10; v++)
        await s.push(a, [update('observations', m.id, v, { nextStep: `edit ${v}` })]);
      expect(await versionsOf(s, m.id)).toEqual([]);
      // The mutation log keeps the audit of every edit.
      expect(((await s.repository.dump()).mutations as unknown[]).length).toBe(11);
    });

    it('keeps what another active device may still base an edit on, until its cursor passes it', async () => {
      const s = await makeServer();
      const p = await s.createProvider();
      const a = await s.enroll(p.providerId, 'phone');
      const b = await s.enroll(p.providerId, 'tablet');
      const m = noteCreate();
      await s.push(a, [m]);
      const { cursor } = await s.pullAll(b); // b holds version 1 (its page); not yet acknowledged
      for (let v = 1; v <= 3; v++)
        await s.push(a, [update('observations', m.id, v, { nextStep: `edit ${v}` })]);
      expect(await versionsOf(s, m.id)).toEqual([1, 2, 3]);
      // b's edit on version 1 merges on its real base: no conflict.
      const merged = (await s.push(b, [update('observations', m.id, 1, { text: 'from b' })])).json
        .results[0];
      expect(merged.status).toBe('merged');
      // b presents its cursor (it applied version 1), pulls again: then presents the next one.
      const next = await s.pullAll(b, cursor);
      await s.pullAll(b, next.cursor);
      await s.push(a, [update('observations', m.id, 5, { nextStep: 'edit 5' })]);
      expect(await versionsOf(s, m.id)).toEqual([5]);
    });

    it('forgets devices unseen for 90 days; an edit on a pruned base merges against the empty record, losing nothing', async () => {
      const s = await makeServer();
      const p = await s.createProvider();
      const a = await s.enroll(p.providerId, 'phone');
      const b = await s.enroll(p.providerId, 'tablet');
      const m = noteCreate();
      await s.push(a, [m]);
      await s.pullAll(b);
      s.state.now += 91 * DAY;
      for (let v = 1; v <= 3; v++)
        await s.push(a, [
          update('observations', m.id, v, { nextStep: `edit ${v}` }, { hlc: hlcAt(T0 + 91 * DAY) }),
        ]);
      expect(await versionsOf(s, m.id)).toEqual([]);
      const late = update(
        'observations',
        m.id,
        1,
        { nextStep: 'b, back after months', text: m.data.text },
        { hlc: hlcAt(T0 + 92 * DAY) },
      );
      const r = (await s.push(b, [late])).json.results[0];
      expect(r.status).toBe('conflict');
      expect(r.conflict.data.fields).toEqual(['nextStep']);
      expect(r.conflict.data.losing.nextStep).toBe('edit 3');
      expect(r.record.data).toMatchObject({
        nextStep: 'b, back after months',
        text: m.data.text,
        childIds: ['c1'],
      });
    });
  });
});
