// The even-indexed seeds of the sync simulation (see suite.ts).
import { simulationSuite } from './suite';

simulationSuite(0, 2);
