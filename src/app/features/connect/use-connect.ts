/**
 * The connect flow (SYNC.md §7): "Connect" checks the code and shows whom it is for, without
 * spending it; "Yes, connect" redeems it, saves the connection and starts the sync client, which
 * sends everything written before with its ids. Every failure keeps what she typed.
 */
import { useState } from 'preact/hooks';
import { countUnsynced } from '../../../storage/erase';
import { getConnection, type SyncConnection } from '../../../storage/sync-state';
import { checkCode, connect, type CodeOwner } from '../../../sync/enroll';
import { useDb } from '../../db';
import { loadStaffProfile } from '../../staff-profile';
import { enrollDeps, startSyncIfConnected } from '../../sync-runtime';
import { useLiveQuery } from '../../ui/use-live-query';
import {
  deviceName,
  failureMessage,
  readConnectForm,
  type ConnectForm,
  type ConnectFormErrors,
} from './connect-form';

/** Where she is in connecting. */
export type ConnectStep =
  | { kind: 'form' | 'checking' }
  | { kind: 'confirm' | 'connecting'; owner: CodeOwner; code: string; serverUrl: string }
  | { kind: 'done'; owner: CodeOwner };

/** A failure to show, as a message key with its values. */
export type ConnectProblem = ReturnType<typeof failureMessage>;

/** State and actions of the connect page. */
export function useConnect() {
  const db = useDb();
  const [form, setForm] = useState<ConnectForm>({ code: '', server: window.location.origin });
  const [errors, setErrors] = useState<ConnectFormErrors>({});
  const [problem, setProblem] = useState<ConnectProblem | null>(null);
  const [step, setStep] = useState<ConnectStep>({ kind: 'form' });
  const current = useLiveQuery(
    async (): Promise<{ connection: SyncConnection | null; waiting: number }> => ({
      connection: await getConnection(db),
      waiting: await countUnsynced(db),
    }),
    [],
  );

  const change = (field: keyof ConnectForm, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const check = async () => {
    const read = readConnectForm(form);
    setProblem(null);
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    setStep({ kind: 'checking' });
    const result = await checkCode(db, await enrollDeps(read.serverUrl), read.code);
    if (!result.ok) {
      setProblem(failureMessage(result));
      return setStep({ kind: 'form' });
    }
    setStep({ kind: 'confirm', owner: result.owner, code: read.code, serverUrl: read.serverUrl });
  };

  const confirm = async () => {
    if (step.kind !== 'confirm') return;
    setStep({ ...step, kind: 'connecting' });
    const result = await connect(db, await enrollDeps(step.serverUrl), {
      code: step.code,
      serverUrl: step.serverUrl,
      deviceName: deviceName(navigator.userAgent, navigator.maxTouchPoints),
    });
    if (!result.ok) {
      setProblem(failureMessage(result));
      return setStep({ kind: 'form' });
    }
    await loadStaffProfile(db);
    await startSyncIfConnected(db);
    setStep({ kind: 'done', owner: result.owner });
  };

  const back = () => {
    setProblem(null);
    setStep({ kind: 'form' });
  };

  return { form, errors, problem, step, current, change, check, confirm, back };
}
