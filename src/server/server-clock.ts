/**
 * The server's hybrid logical clock (SYNC.md §1). It `recv()`s every HLC the server stores, so the
 * `serverHlc` it answers is never below any stored HLC, and it clamps an HLC more than 10 minutes
 * ahead of the server's own clock. Its state lives in memory; at start it catches up with the greatest
 * stored HLC, so it never goes backwards across restarts either.
 */
import {
  formatHlc,
  hlcRecv,
  hlcSend,
  initialHlcState,
  parseHlc,
  type HlcState,
} from '../domain/hlc';
import { LIMITS } from '../domain/sync-messages';

/** A clock the push algorithm uses: stamp a new value, take in a stored one, clamp an incoming one. */
export interface ServerHlc {
  send(nodeId?: string): string;
  recv(hlc: string): void;
  /** Returns the HLC to store and whether it was clamped. */
  clamp(hlc: string): { hlc: string; clamped: boolean };
}

/** The server's clock: `now()` in milliseconds, and the server's node id. */
export class ServerClock implements ServerHlc {
  private state: HlcState;

  constructor(
    nodeId: string,
    private readonly now: () => number,
  ) {
    this.state = initialHlcState(nodeId);
  }

  send(nodeId?: string): string {
    const { state, hlc } = hlcSend(this.state, this.now());
    this.state = state;
    return nodeId ? formatHlc({ ...state, nodeId }) : hlc;
  }

  recv(hlc: string): void {
    this.state = hlcRecv(this.state, hlc, this.now());
  }

  clamp(hlc: string): { hlc: string; clamped: boolean } {
    const parsed = parseHlc(hlc);
    if (!parsed || parsed.millis <= this.now() + LIMITS.clockAheadMs)
      return { hlc, clamped: false };
    return { hlc: this.send(parsed.nodeId), clamped: true };
  }

  /** The current value, for a `serverHlc` answer (a fresh send, never below a stored HLC). */
  current(): string {
    return this.send();
  }
}
