// Validation patterns 1–5: gaming, targets, deliberate gaming, multitask, crowding out.
import { definePatternTests } from './define-pattern-tests';

definePatternTests([1, 2, 3, 4, 5]);
