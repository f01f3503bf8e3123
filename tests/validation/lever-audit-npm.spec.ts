// Lever audit of the New Public Management levers (split from the liberated ones to run in parallel).
import { describe } from 'vitest';
import { LEVERS } from '../../src/lib/model/index';
import { defineLeverAuditTests } from './define-lever-audit-tests';

describe('lever audit: New Public Management levers', () => defineLeverAuditTests(LEVERS.filter((l) => l.family === 'npm')));
