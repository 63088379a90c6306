// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import '../testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveChild } from '../../storage/write';
import { listChildren } from '../../storage/read';
import { useTestDbs } from '../../storage/testing';
import { failedReads } from '../state';
import { retryFailedReads, useLiveQuery } from './use-live-query';

const openDb = useTestDbs();
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('useLiveQuery', () => {
  it('gives the result, then the new one when a table it read changes', async () => {
    const db = await openDb();
    const hook = renderHook(() => useLiveQuery(() => listChildren(db), []));
    await waitFor(() => expect(hook.result.current).toEqual([]));
    await saveChild(db, { name: 'Ana' });
    await waitFor(() => expect(hook.result.current).toHaveLength(1));
  });

  it('a failed read joins failedReads (never only a console line), and Retry reads again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let isBroken = true;
    const hook = renderHook(() =>
      useLiveQuery(async () => {
        if (isBroken) throw new Error('disk error');
        return 'read';
      }, []),
    );
    await waitFor(() => expect(failedReads.value.size).toBe(1));
    expect(hook.result.current).toBeUndefined();
    isBroken = false;
    act(() => retryFailedReads());
    await waitFor(() => expect(hook.result.current).toBe('read'));
    expect(failedReads.value.size).toBe(0);
  });

  it('forgets a failed read whose component left the screen', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const hook = renderHook(() => useLiveQuery(() => Promise.reject(new Error('x')), []));
    await waitFor(() => expect(failedReads.value.size).toBe(1));
    hook.unmount();
    expect(failedReads.value.size).toBe(0);
  });
});
