// Validation patterns 5–8: crowding out, workforce, prevention, failure demand.
import { describe } from 'vitest';
import { VALIDATION_CHECKS } from '../../src/lib/validation/index';
import { defineCheckTests, patternChecks } from './define-check-tests';

describe('validation patterns 5–8', () => defineCheckTests(patternChecks(VALIDATION_CHECKS, [5, 6, 7, 8])));
