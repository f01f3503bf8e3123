import { expose } from 'comlink';
import { modelApi } from '../src/lib/runner/model-api';
import { primeEngine } from '../src/lib/runner/prime';

expose(modelApi);
// Before the first job is read (messages wait until this script has run): prime.ts says why.
primeEngine();
