// Validation patterns 6–10: workforce, prevention, failure demand, choice and devolution.
import { definePatternTests } from './define-pattern-tests';

definePatternTests([6, 7, 8, 9, 10]);
