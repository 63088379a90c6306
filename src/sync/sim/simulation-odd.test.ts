// The odd-indexed seeds of the sync simulation (see suite.ts).
import { simulationSuite } from './suite';

simulationSuite(1, 2);
