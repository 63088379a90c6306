import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffProvidersAnswerSchema, StaffSharedAnswerSchema } from '../domain/staff-read';
import { coachAnswers } from '../domain/staff-read-fixtures';
import type { NaptimeDb } from '../storage/db';
import { getKeptAnswer } from '../storage/staff-kept';
import { saveConnection } from '../storage/sync-state';
import { openTestDb } from '../storage/testing';
import { readKept, readStaffRoute, type StaffReadDeps } from './staff-read';

const ROUTE = '/api/v1/staff/shared';
const today = new Date('2026-12-02T12:00:00');

let db: NaptimeDb;
let online = true;
let clock = 1_000;
let answer: () => Response | Promise<Response>;
const asked: { url: string; init: RequestInit }[] = [];

const deps: StaffReadDeps = {
  fetch: async (url, init) => {
    asked.push({ url, init });
    return answer();
  },
  isOnline: () => online,
  now: () => clock,
  baseUrlFor: (url) => url ?? '',
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const read = () => readStaffRoute(db, deps, ROUTE, StaffSharedAnswerSchema);

beforeEach(async () => {
  db = await openTestDb();
  online = true;
  clock = 1_000;
  asked.length = 0;
  await saveConnection(db, {
    deviceId: 'dev-1',
    deviceToken: 'tok-1',
    providerId: 'staff-1',
    serverUrl: 'https://agency.example',
  });
});
afterEach(() => db.close());

describe('readStaffRoute (SYNC.md §17)', () => {
  it('asks with the device token, shows the answer, and keeps it whole', async () => {
    const { shared } = coachAnswers(today);
    answer = () => json(shared);
    const r = await read();
    expect(asked[0]!.url).toBe(`https://agency.example${ROUTE}`);
    expect(new Headers(asked[0]!.init.headers).get('authorization')).toBe('Bearer tok-1');
    expect(r).toEqual({ answer: shared, savedAt: 1_000, problem: null });
    expect(await getKeptAnswer(db, ROUTE)).toEqual({ answer: shared, savedAt: 1_000 });
  });

  it('replaces the kept copy with each answer: a provider who stopped sharing is gone', async () => {
    const { shared } = coachAnswers(today);
    answer = () => json(shared);
    await read();
    const fewer = { ...shared, providers: shared.providers.slice(1) };
    clock = 2_000;
    answer = () => json(fewer);
    await read();
    online = false;
    const offline = await read();
    expect(offline.answer?.providers.map((p) => p.name)).toEqual(['Beatriz Gómez']);
    expect(offline).toMatchObject({ savedAt: 2_000, problem: 'offline' });
  });

  it('shows the kept copy, and why, when offline, on a network error, a server error or a bad answer', async () => {
    const { shared } = coachAnswers(today);
    answer = () => json(shared);
    await read();
    clock = 9_000;
    online = false;
    expect(await read()).toMatchObject({ savedAt: 1_000, problem: 'offline' });
    online = true;
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await read()).toMatchObject({ savedAt: 1_000, problem: 'network' });
    answer = () => json({ error: { code: 'INTERNAL', message: 'x' } }, 503);
    expect(await read()).toMatchObject({ savedAt: 1_000, problem: 'server' });
    answer = () => json({ providers: 'nope' });
    expect(await read()).toMatchObject({ savedAt: 1_000, problem: 'bad-answer' });
    expect((await getKeptAnswer(db, ROUTE))?.answer).toEqual(shared);
    expect((await readKept(db, ROUTE, StaffSharedAnswerSchema))?.answer).toEqual(shared);
  });

  it('forgets the route’s copy on a 403, and every copy on a 401 (revoked)', async () => {
    answer = () => json(coachAnswers(today).shared);
    await read();
    const other = '/api/v1/staff/providers';
    answer = () => json(coachAnswers(today).providers);
    await readStaffRoute(db, deps, other, StaffProvidersAnswerSchema);
    answer = () => json({ error: { code: 'FORBIDDEN', message: 'not for you' } }, 403);
    expect(await read()).toEqual({ answer: null, savedAt: null, problem: 'not-allowed' });
    expect(await getKeptAnswer(db, ROUTE)).toBeNull();
    expect(await getKeptAnswer(db, other)).not.toBeNull();
    answer = () => json({ error: { code: 'UNAUTHENTICATED', message: 'revoked' } }, 401);
    expect(await read()).toMatchObject({ answer: null, problem: 'unauthenticated' });
    expect(await getKeptAnswer(db, other)).toBeNull();
  });

  it('says so when the device is not connected, without asking anyone', async () => {
    await db.meta.clear();
    expect(await read()).toEqual({ answer: null, savedAt: null, problem: 'not-connected' });
    expect(asked).toHaveLength(0);
  });
});
