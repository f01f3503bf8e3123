export { Experiments, BASELINE_ID, VALIDATION_RUNS, VALIDATION_SEED, summary, difference, windowMean } from './experiments';
export { PATTERNS, CALIBRATION_MONTHS, passes, tolerance, type Pattern, type Check, type Measured } from './patterns';
export { FAMILY_PACKAGES, tradeOffs, type TradeOff, type Verdict } from './tradeoffs';
