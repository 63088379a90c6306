import { describe, expect, it } from 'vitest';
import { getStaffProviders, saveStaffProviders } from '../storage/staff';
import { saveConnection } from '../storage/sync-state';
import { useTestDbs } from '../storage/testing';
import type { EnrollDeps } from './enroll';
import { refreshStaffProviders } from './staff-reads';

// GET /api/v1/staff/providers (SYNC.md §17) is built on another branch: until it lands here, a
// fetch that answers as the section says stands in for the server.
const open = useTestDbs();
const deps = (answer: () => Promise<Response>, seen: Request[] = []): EnrollDeps => ({
  baseUrl: '',
  fetch: async (url, init) => {
    seen.push(new Request(`http://naptime.test${url}`, init));
    return answer();
  },
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});
const json = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('refreshStaffProviders', () => {
  it('asks with her token and replaces the kept list whole with the answer', async () => {
    const db = await open();
    await saveConnection(db, { deviceId: 'd1', deviceToken: 'tok' });
    await saveStaffProviders(db, [{ providerId: 'old', name: 'Old' }]);
    const seen: Request[] = [];
    const answer = json(200, { providers: [{ providerId: 'p1', name: 'Ana Ruiz' }] });
    expect(await refreshStaffProviders(db, deps(answer, seen))).toEqual({ ok: true, count: 1 });
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url).toBe('http://naptime.test/api/v1/staff/providers');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer tok');
    expect(await getStaffProviders(db)).toEqual([{ providerId: 'p1', name: 'Ana Ruiz' }]);
  });

  it('keeps the list it has when the server refuses, cannot be reached or answers nonsense', async () => {
    const db = await open();
    await saveConnection(db, { deviceId: 'd1', deviceToken: 'tok' });
    const kept = [{ providerId: 'p1', name: 'Ana Ruiz' }];
    await saveStaffProviders(db, kept);
    const forbidden = json(403, { error: { code: 'FORBIDDEN', message: 'no' } });
    expect(await refreshStaffProviders(db, deps(forbidden))).toEqual({
      ok: false,
      reason: 'refused',
    });
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await refreshStaffProviders(db, deps(down))).toEqual({
      ok: false,
      reason: 'unreachable',
    });
    expect(await refreshStaffProviders(db, deps(json(200, { providers: 'x' })))).toEqual({
      ok: false,
      reason: 'bad-answer',
    });
    expect(await getStaffProviders(db)).toEqual(kept);
  });

  it('asks nothing on a device that is not connected', async () => {
    const db = await open();
    const seen: Request[] = [];
    expect(await refreshStaffProviders(db, deps(json(200, {}), seen))).toEqual({
      ok: false,
      reason: 'not-connected',
    });
    expect(seen).toEqual([]);
  });
});
