/**
 * The seeded sync simulation (SYNC.md §11), in `npm test`, split over two test files (even and odd
 * seeds) so that vitest runs the halves on both cores. `SIM_SEEDS=n` runs n seeds from
 * `SIM_SEED_FROM` (default 1); `SIM_SEED=k` runs one seed, prints its trace and skips the check
 * that every fault kind and outcome occurred (a seed is no exact replay: test/README.md). Counts per fault kind and outcome and the time taken
 * are printed; the run fails on any broken invariant, or when a fault kind or outcome never occurred.
 */
import { describe, expect, it } from 'vitest';
import { runSeed } from './run-seed';
import { FAULT_KINDS, newTally, OUTCOMES, type Tally } from './world';

const env = process.env;
const single = env.SIM_SEED ? Number(env.SIM_SEED) : null;
const from = Number(env.SIM_SEED_FROM ?? 1);
const count = single !== null ? 1 : Number(env.SIM_SEEDS ?? 200);
const allSeeds = single !== null ? [single] : Array.from({ length: count }, (_, i) => from + i);
function add(into: Tally, more: Tally) {
  for (const k of FAULT_KINDS) into.faults[k] += more.faults[k];
  for (const k of OUTCOMES) into.outcomes[k] += more.outcomes[k];
  into.rejectedThenAccepted += more.rejectedThenAccepted;
  into.writes += more.writes;
  into.requests += more.requests;
}

/** Defines the simulation test over every `parts`-th seed, starting with the `part`-th. */
export function simulationSuite(part: number, parts: number): void {
  const seeds = allSeeds.filter((_, i) => i % parts === part);
  describe(`sync simulation (part ${part + 1} of ${parts})`, () => {
    it.skipIf(seeds.length === 0)(
      `keeps invariants 1-7 through every fault, over ${seeds.length} seed(s)`,
      async () => {
        const started = Date.now();
        const total = newTally();
        const failures: string[] = [];
        for (const seed of seeds) {
          const trace = single !== null ? (line: string) => console.log(line) : undefined;
          const result = await runSeed(seed, trace ? { trace } : {});
          add(total, result.tally);
          if (result.problems.length)
            failures.push(`seed ${seed}:\n  ${result.problems.slice(0, 8).join('\n  ')}`);
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          `sync simulation part ${part + 1}/${parts}: ${seeds.length} seeds (${seeds[0]}..${seeds.at(-1)}) in ${seconds} s; ` +
            `${total.writes} writes, ${total.requests} requests\n` +
            `  faults:   ${FAULT_KINDS.map((k) => `${k} ${total.faults[k]}`).join(', ')}\n` +
            `  outcomes: ${OUTCOMES.map((k) => `${k} ${total.outcomes[k]}`).join(', ')}; rejected then accepted in one answer ${total.rejectedThenAccepted}`,
        );
        expect(failures, failures.join('\n')).toEqual([]);
        if (single === null) {
          const never = [
            ...FAULT_KINDS.filter((k) => total.faults[k] === 0),
            ...OUTCOMES.filter((k) => total.outcomes[k] === 0),
            ...(total.rejectedThenAccepted === 0 ? ['rejected-then-accepted'] : []),
          ];
          expect(never, `never occurred: ${never.join(', ')}`).toEqual([]);
        }
      },
      600_000,
    );
  });
}
