import { expose } from 'comlink';
import { modelApi } from '../src/lib/runner/model-api';

expose(modelApi);
