import type { JSX } from 'preact';
import { failedReads } from '../state';
import { ReadFailed } from '../ui/ReadFailed';
import { retryFailedReads } from '../ui/use-live-query';

/** Said at the top of the screen while something on it could not be read from the device. */
export function ReadFailedBanner(): JSX.Element | null {
  if (failedReads.value.size === 0) return null;
  return <ReadFailed onRetry={retryFailedReads} />;
}
