import { expose } from 'comlink';
import { scenarioApi } from '../src/lib/runner/scenario-worker-api';

expose(scenarioApi);
