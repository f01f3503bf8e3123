// Calibration targets (the fits still hold) and verification (the code does what the design says).
import { describe } from 'vitest';
import { CALIBRATION_CHECKS, VERIFICATION_CHECKS } from '../../src/lib/validation/index';
import { defineCheckTests } from './define-check-tests';

describe('calibration targets and verification', () => defineCheckTests([...CALIBRATION_CHECKS, ...VERIFICATION_CHECKS]));
