/**
 * Run-chart analysis (RUNCHART.md): `analyzeRunChart` and its types; the exact limit functions are
 * exported for the chart's legend and for tests.
 */
export { analyzeRunChart } from './analyze';
export { crossingsMin, longestRunMax } from './anhoej';
export { runsLimits, RUNS_TEST_MIN_USEFUL } from './swed-eisenhart';
export type * from './types';
