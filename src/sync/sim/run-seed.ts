/**
 * One seed of the sync simulation (SYNC.md §11): at least `ops` operations with faults on, then
 * faults stop, every device pushes until its outbox is empty and pulls until `hasMore` is false, and
 * invariants 1–7 are checked. Returns what went wrong (nothing, when the client is right).
 */
import type { SyncMutant } from '../deps';
import {
  checkConvergence,
  checkNoDuplicates,
  checkNoLoss,
  checkOneAtATime,
  forgetServer,
} from './invariants';
import { aliveTab, editDuringFlight, randomWrite } from './ops';
import { createWorld, type Tally } from './world';

export interface SeedResult {
  seed: number;
  problems: string[];
  tally: Tally;
  ops: number;
}

/** Runs one seed. */
export async function runSeed(
  seed: number,
  options: { ops?: number; mutant?: SyncMutant; trace?: (line: string) => void } = {},
): Promise<SeedResult> {
  const trace = options.trace ?? (() => undefined);
  const world = await createWorld({
    seed,
    trace,
    ...(options.mutant ? { mutant: options.mutant } : {}),
  });
  world.hooks.editDuringFlight = (device, body) => editDuringFlight(world, device, body);
  const { r } = world;
  const target = options.ops ?? 200;
  let ops = 0;
  try {
    await world.settle();
    while (ops < target) {
      const roll = r.next();
      if (roll < 0.72) {
        for (let n = r.int(1, 3); n > 0; n--) {
          const device = r.chance(0.85)
            ? r.pick(world.devices.filter((d) => d.provider === 1))
            : world.devices.at(-1)!;
          const tab = aliveTab(device, r);
          if (!tab) continue;
          const what = await randomWrite(world, device, tab);
          ops += 1;
          trace(`${ops} t=${world.time.now} ${device.name}: ${what}`);
          tab.client.notifyWrite();
          await world.advance(r.int(50, 900));
        }
      } else if (roll < 0.9) {
        const span = r.next();
        const ms =
          span < 0.7
            ? r.int(500, 5000)
            : span < 0.97
              ? r.int(5000, 30_000)
              : r.int(30_000, 120_000);
        trace(`advance ${ms} ms`);
        await world.advance(ms);
      } else if (roll < 0.96) {
        const device = r.pick(world.devices);
        trace(`${device.name} ${device.online ? 'goes offline' : 'comes back online'}`);
        world.setOnline(device, !device.online);
        ops += 1;
      } else if (roll < 0.98) {
        await world.restartServer();
        ops += 1;
      } else {
        await world.newEpoch();
        ops += 1;
      }
    }
    world.stopFaults();
    for (const device of world.devices) world.setOnline(device, true);
    await world.settle();
    const problems = [...(await checkNoLoss(world, true))];
    forgetServer(world);
    // Every device pushes until its outbox is empty, then every device pulls to the end (§11.3).
    for (let round = 0; round < 20; round++) {
      for (const device of world.devices) await device.tabs[0]!.client.syncNow();
      await world.settle();
      const counts = await Promise.all(world.devices.map((d) => d.tabs[0]!.db.outbox.count()));
      if (counts.every((n) => n === 0)) break;
    }
    for (const device of world.devices) await device.tabs[0]!.client.syncNow();
    await world.settle();
    problems.push(...(await checkNoLoss(world, false)));
    problems.push(...(await checkConvergence(world)));
    problems.push(...(await checkNoDuplicates(world)));
    problems.push(...checkOneAtATime(world));
    problems.push(...world.problems);
    return { seed, problems, tally: world.tally, ops };
  } finally {
    await world.close();
  }
}
