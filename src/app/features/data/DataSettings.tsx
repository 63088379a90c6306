import type { JSX } from 'preact';
import { EraseCard } from './EraseCard';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';
import { StorageCard } from './StorageCard';
import { useStorageStatus } from './use-storage-status';

/** Her data in Settings (DESIGN.md 7): storage status, export, import, and erasing the device. */
export function DataSettings(): JSX.Element {
  const [status, refreshStatus] = useStorageStatus();
  return (
    <>
      <StorageCard status={status} onChanged={refreshStatus} />
      <ExportCard />
      <ImportCard onImported={refreshStatus} />
      <EraseCard />
    </>
  );
}
