// Lever audit of the "liberated" levers (split from the NPM ones to run in parallel).
import { describe } from 'vitest';
import { LEVERS } from '../../src/lib/model/index';
import { defineLeverAuditTests } from './define-lever-audit-tests';

describe('lever audit: "liberated" levers', () => defineLeverAuditTests(LEVERS.filter((l) => l.family === 'liberated')));
