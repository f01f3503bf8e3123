// Constants the kernels share with the TypeScript model (../constants.ts, ../tallies.ts,
// ../wait-bins.ts, ../citizen-memory.ts, ../queue.ts, ../lazy-compare.ts); the reference specs
// compare the kernels with the TypeScript they replace, so a constant out of step fails them.

export const WELL: u8 = 0;
export const AT_RISK: u8 = 1;
export const WAITING: u8 = 2;
export const F_UNRESOLVED: u8 = 1;
export const F_TURNED_AWAY: u8 = 2;
export const F_FAILURE: u8 = 4;
export const QUINTILES: i32 = 5;
export const GROUP_FIRST_QUINTILE: i32 = 1;
export const GROUP_FIRST_AREA: i32 = 1 + QUINTILES;
export const DAYS_PER_MONTH: i32 = 30;
export const QUEUE_DAYS: i32 = 1024;
export const MEMORY_TABLE_MONTHS: i32 = 512;
/** The tallies' keys (T in ../tallies.ts) the kernels count. */
export const TALLY_KEYS: i32 = 41;
export const T_CONTACTS: i32 = 3;
export const T_FAILURE_CONTACTS: i32 = 4;
export const T_SERVED: i32 = 7;
export const T_TRUE_WITHIN: i32 = 8;
export const T_RECORDED_WITHIN: i32 = 9;
export const T_WAIT_DAYS_SUM: i32 = 10;
export const T_RESOLVED: i32 = 11;
export const T_COMPLEX_CONSIDERED: i32 = 12;
export const T_PARKED: i32 = 13;
export const T_TURNED_AWAY: i32 = 14;
export const T_COMPLEX_REFERRALS: i32 = 29;
export const T_DECLINED: i32 = 30;
export const T_CLINICALLY_LATE: i32 = 32;
/** The wait bins (../wait-bins.ts). */
export const FINE_DAYS: i32 = 126;
export const WEEK: i32 = 7;
export const WAIT_BINS: i32 = FINE_DAYS + 86 + 1;
export const WAIT_BINS_CAP_DAYS: f64 = <f64>(FINE_DAYS + WEEK * 86);
/** The logistic's bounds tables (../lazy-compare.ts): grid steps per unit and half their span in steps. */
export const STEPS_PER_UNIT: f64 = 16;
export const HALF: i32 = 64 * 16;
