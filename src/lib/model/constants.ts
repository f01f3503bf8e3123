/** Days in a model month: waits are counted in days, the schedule in months. */
export const DAYS_PER_MONTH = 30;

/** Citizen need states. */
export const WELL = 0;
export const AT_RISK = 1;
export const WAITING = 2;

/** Citizen flags (bits). */
/** The last contact (service, crisis or being turned away) did not resolve the need. */
export const F_UNRESOLVED = 1;
/** Turned away at the threshold since the last resolved contact. */
export const F_TURNED_AWAY = 2;
/** The current waiting episode is failure demand (caused by an earlier failure). */
export const F_FAILURE = 4;

/** "Never" for month stamps stored in Int16Array. */
export const NEVER = -30000;

/** Groups of every outcome series: overall, then quintiles 1..5 (5 = most deprived), then areas. */
export const GROUP_OVERALL = 0;
export const GROUP_FIRST_QUINTILE = 1;
export const QUINTILES = 5;
export const GROUP_FIRST_AREA = 1 + QUINTILES;

/** Months of history that count a contact or crisis as a repeat. */
export const REPEAT_WINDOW_MONTHS = 12;

/**
 * Day buckets of each provider's waiting list (a calendar queue keyed by the day a case is due to
 * be seen). Keys further ahead than this from the earliest waiting key are held at the far end.
 */
export const QUEUE_DAYS = 1024;

/** Longest clinical allowance a case can be given, in days. */
export const MAX_ALLOWANCE_DAYS = 365;

/** Days covered by the wait histograms behind the median and 92nd-percentile waits (one bin a day; the last bin holds longer waits). */
export const WAIT_HISTOGRAM_DAYS = 731;

/** Smallest team a provider can run: below this many funded posts a population is refused. */
export const MIN_POSTS_PER_PROVIDER = 5;

/** Draws a new citizen is built from (assembly/citizen-draws.ts), and the citizens whose draws are made at a time. */
export const CITIZEN_DRAWS = 6;
export const CITIZEN_DRAWS_CHUNK = 2048;

/** Numbers a worker kernel hands back about one provider's staff (assembly/effort-split.ts, workforce.ts, collect-outcomes.ts): the most any does. */
export const WORKER_SUMS = 10;
