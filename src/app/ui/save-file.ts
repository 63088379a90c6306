/**
 * Hands a file to her, for every export and image of the app: a download through a Blob and
 * `<a download>`, or, where downloads do nothing (Naptime installed on iPhone/iPad, the one detector
 * in data/storage-status.ts), the share sheet with a File (Web Share API level 2).
 */
import { canOnlyShareFiles } from '../features/data/use-storage-status';

/** What happened to the file: downloaded, shared, or she closed the share sheet. */
export type SaveFileOutcome = 'downloaded' | 'shared' | 'cancelled';

/** Offers `bytes` to her as the file `name` of MIME `type` (`title` names it in the share sheet). */
export async function saveFile(
  bytes: BlobPart,
  name: string,
  type: string,
  title = name,
): Promise<SaveFileOutcome> {
  const blob = new Blob([bytes], { type });
  if (canOnlyShareFiles()) {
    const file = new File([blob], name, { type });
    if (navigator.canShare?.({ files: [file] })) {
      try {
        await navigator.share({ files: [file], title });
        return 'shared';
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
        // Sharing refused for another reason: fall back to a download, which may still work.
      }
    }
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the Blob after click() returns; give them time before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return 'downloaded';
}
