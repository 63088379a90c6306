/**
 * The platform names storage may use, declared here instead of the whole DOM library, so that
 * `document`, `window` or `localStorage` fail to compile in this layer (src/README.md "Layers").
 * TypeScript has no IndexedDB-only library: these follow lib.dom.d.ts, cut down to the members our
 * code and Dexie's types use. The browser, and fake-indexeddb in Node, provide the real ones.
 */

type IDBValidKey = number | string | Date | ArrayBuffer | ArrayBufferView | IDBValidKey[];
type IDBTransactionMode = 'readonly' | 'readwrite' | 'versionchange';

interface Event {
  readonly type: string;
}

interface IDBVersionChangeEvent extends Event {
  readonly oldVersion: number;
  readonly newVersion: number | null;
}

interface IDBDatabase {
  readonly name: string;
  readonly version: number;
  close(): void;
}

interface IDBTransaction {
  readonly mode: IDBTransactionMode;
  abort(): void;
}

interface IDBFactory {
  open(name: string, version?: number): unknown;
  deleteDatabase(name: string): unknown;
  cmp(first: unknown, second: unknown): number;
}

interface IDBKeyRange {
  readonly lower: unknown;
  readonly upper: unknown;
  readonly lowerOpen: boolean;
  readonly upperOpen: boolean;
  includes(key: unknown): boolean;
}

declare var IDBKeyRange: {
  prototype: IDBKeyRange;
  bound(lower: unknown, upper: unknown, lowerOpen?: boolean, upperOpen?: boolean): IDBKeyRange;
  lowerBound(lower: unknown, open?: boolean): IDBKeyRange;
  upperBound(upper: unknown, open?: boolean): IDBKeyRange;
  only(value: unknown): IDBKeyRange;
};

/** What a failed IndexedDB request rejects with (a full disk is `QuotaExceededError`). */
interface DOMException extends Error {
  readonly code: number;
}

declare var DOMException: {
  prototype: DOMException;
  new (message?: string, name?: string): DOMException;
};

/** Opaque: a browser answers a number, Node an object. */
interface TimerHandle {
  readonly __timerHandle?: never;
}

declare function setTimeout(handler: () => void, timeout?: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;

/** Web Crypto, for the HLC node id's random bytes. */
declare var crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
};

/** UTF-8 encoding, to measure a push batch in bytes. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
