// The resolver's score thresholds, in a module of their own: the CLI's help states the default without
// loading the resolver.

/**
 * Default automatic-merge threshold. A pair is merged by the machine only when (1) its score reaches
 * it, (2) nothing conflicts (birth dates, gender, IMO numbers, numbers in names), and (3) something
 * besides the name agrees: a passport, national id or IMO number, the birth date, or the list's own
 * cross-reference. Names alone never merge: several different KIM Yong Chols are listed.
 */
export const DEFAULT_AUTO_THRESHOLD = 0.9;
/** Pairs scoring below this are not kept as candidates. */
export const CANDIDATE_FLOOR = 0.7;
