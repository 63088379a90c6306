/**
 * Device facts kept in `meta` (DESIGN.md "Records"): the HLC node id and state, the device id given
 * at enrollment, and `firstUseAt` (charts of notes start at its week). The sync client keeps its
 * cursor and token here too, under its own keys.
 */
import { toLocalDateTime } from '../domain/dates';
import {
  HlcStateSchema,
  NodeIdSchema,
  createNodeId,
  initialHlcState,
  type HlcState,
} from '../domain/hlc';
import type { NaptimeDb } from './db';

/** Random bytes from the browser's Web Crypto (fake-indexeddb's tests get Node's, the same API). */
const randomBytes = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

/** The meta keys this layer owns. */
export const META_KEYS = {
  nodeId: 'nodeId',
  hlc: 'hlc',
  deviceId: 'deviceId',
  firstUseAt: 'firstUseAt',
} as const;

/** What `ensureDeviceMeta` guarantees exists. */
export interface DeviceMeta {
  nodeId: string;
  hlc: HlcState;
  /** Null until the device is enrolled with an agency (SYNC.md §1). */
  deviceId: string | null;
  /** Local date-time with offset of the first start of the app on this device. */
  firstUseAt: string;
}

/** Returns the value stored under `key`, or undefined when there is none. */
export async function getMeta(db: NaptimeDb, key: string): Promise<unknown> {
  const row = await db.meta.get(key);
  return row?.value;
}

/** Stores `value` under `key`. */
export async function setMeta(db: NaptimeDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * Creates the node id, clock state and `firstUseAt` when missing and returns all device facts.
 * Idempotent and safe from two tabs at once: the read and the writes share one rw transaction.
 * Inside a caller's transaction that includes `meta` it joins that transaction.
 */
export function ensureDeviceMeta(db: NaptimeDb): Promise<DeviceMeta> {
  return db.transaction('rw', db.meta, async () => {
    const [nodeRow, hlcRow, deviceRow, firstRow] = await db.meta.bulkGet([
      META_KEYS.nodeId,
      META_KEYS.hlc,
      META_KEYS.deviceId,
      META_KEYS.firstUseAt,
    ]);
    const storedNode = NodeIdSchema.safeParse(nodeRow?.value);
    const nodeId = storedNode.success ? storedNode.data : createNodeId(randomBytes);
    if (!storedNode.success) await db.meta.put({ key: META_KEYS.nodeId, value: nodeId });

    const storedHlc = HlcStateSchema.safeParse(hlcRow?.value);
    // A clock state from another node id (a copied database) keeps its time but takes this node's id.
    const hlc = storedHlc.success ? { ...storedHlc.data, nodeId } : initialHlcState(nodeId);
    if (!storedHlc.success || storedHlc.data.nodeId !== nodeId)
      await db.meta.put({ key: META_KEYS.hlc, value: hlc });

    let firstUseAt = firstRow?.value;
    if (typeof firstUseAt !== 'string') {
      firstUseAt = toLocalDateTime(db.now());
      await db.meta.put({ key: META_KEYS.firstUseAt, value: firstUseAt });
    }
    const deviceId = typeof deviceRow?.value === 'string' ? deviceRow.value : null;
    return { nodeId, hlc, deviceId, firstUseAt: firstUseAt as string };
  });
}
