// Validation patterns 1–4: gaming, targets, deliberate gaming, multitask. Split to run in parallel.
import { describe } from 'vitest';
import { VALIDATION_CHECKS } from '../../src/lib/validation/index';
import { defineCheckTests, patternChecks } from './define-check-tests';

describe('validation patterns 1–4', () => defineCheckTests(patternChecks(VALIDATION_CHECKS, [1, 2, 3, 4])));
