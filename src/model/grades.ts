// Strength of evidence for a statement, strongest first. A denial is a claim of its own.
export const EVIDENCE_GRADES = ['official', 'corroborated', 'reported', 'alleged', 'disputed', 'denied'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

export function isEvidenceGrade(value: unknown): value is EvidenceGrade {
  return typeof value === 'string' && (EVIDENCE_GRADES as readonly string[]).includes(value);
}

/** Lower is stronger; lets callers filter "at least reported". */
export function gradeRank(grade: EvidenceGrade): number {
  return EVIDENCE_GRADES.indexOf(grade);
}

/** The strongest grade among these claims (a denial alone gives `denied`). */
export function strongestGrade(claims: readonly { evidenceGrade: EvidenceGrade }[]): EvidenceGrade | undefined {
  let best: EvidenceGrade | undefined;
  for (const c of claims) if (best === undefined || gradeRank(c.evidenceGrade) < gradeRank(best)) best = c.evidenceGrade;
  return best;
}

export const REVIEW_STATUSES = ['unreviewed', 'accepted', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
