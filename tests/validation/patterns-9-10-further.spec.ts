// Validation patterns 9–10 (choice and competition, devolution) and the further patterns.
import { describe } from 'vitest';
import { FURTHER_CHECKS, VALIDATION_CHECKS } from '../../src/lib/validation/index';
import { defineCheckTests, patternChecks } from './define-check-tests';

describe('validation patterns 9–10 and further patterns', () =>
	defineCheckTests([...patternChecks(VALIDATION_CHECKS, [9, 10]), ...FURTHER_CHECKS]));
