/**
 * Everything the app needs to run sync, in one chunk that `sync-runtime.ts` loads after the first
 * paint (one chunk, so the modules the first screen shares with it are not split further).
 */
export { browserDeps, startSync } from '../sync/browser';
export { revokeLeftovers } from '../sync/enroll';
export { getConnection } from '../storage/sync-state';
