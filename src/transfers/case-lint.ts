// The case-file lint (`interdict check-case DIR`): a case file may say no more than its sources.
// Every claim names a source and where in it; a claim's grade never exceeds what its source's type
// allows (an article reporting an allegation yields `alleged` or `reported`, never `official`);
// dates are ISO at the precision the source gives (2022, 2022-11, 2022-11-05, ranges 2016/2021,
// open ends ../2023-03), and a transfer's dates say how they are qualified.
import { datePrecision, parseDateSpan } from '../model/date-span.ts';
import { EVIDENCE_GRADES, gradeRank, isEvidenceGrade, type EvidenceGrade } from '../model/grades.ts';
import { hasSchema, propertyType, schemaIsA } from '../model/ftm.ts';

/** A row of the case file as written (the shape `readCaseRows` in src/sources/transfers/ yields). */
export interface CaseClaimRow {
  file: string;
  line: number;
  kind: 'statement' | 'transfer';
  cells: Record<string, string>;
}

/**
 * What a source of each type can establish. A source states its type as a `keywords` value
 * `source-type:<type>`; an `Article` without one is an `analysis-article`. `not-read` marks a
 * document known only through another source: cite the source that reports it instead.
 */
export const SOURCE_TYPE_CAPS: Record<string, EvidenceGrade | null> = {
  'official-document': 'official',
  'government-statement': 'official',
  designation: 'official',
  'un-panel-report': 'official',
  'court-record': 'official',
  'news-article': 'reported',
  'analysis-article': 'reported',
  'analyst-inference': 'alleged',
  'not-read': null,
};

export interface CaseProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface CaseLintReport {
  claims: number;
  sources: { id: string; type: string; cap: EvidenceGrade | null }[];
  /** Claims per grade, to see at a glance how strong the file is. */
  grades: Partial<Record<EvidenceGrade, number>>;
  problems: CaseProblem[];
}

const TRANSFER_DATES = ['order_date', 'delivery_date'];
const URL_RE = /^https?:\/\//;

export function lintCase(rows: readonly CaseClaimRow[]): CaseLintReport {
  const problems: CaseProblem[] = [];
  const problem = (r: CaseClaimRow, field: string, message: string) => problems.push({ file: r.file, line: r.line, field, message });

  // The sources: entities of the statements file whose schema is a Document (Article included).
  const schemaOf = new Map<string, string>();
  const typeOf = new Map<string, string>();
  for (const r of rows) {
    if (r.kind !== 'statement') continue;
    const { entity_id: id, schema, prop, value } = r.cells;
    if (id && schema && hasSchema(schema)) schemaOf.set(id, schema);
    if (prop === 'keywords' && value?.startsWith('source-type:')) typeOf.set(id, value.slice('source-type:'.length));
  }
  const sources = [...schemaOf].filter(([, schema]) => schemaIsA(schema, 'Document')).map(([id, schema]) => {
    const type = typeOf.get(id) ?? (schemaIsA(schema, 'Article') ? 'analysis-article' : 'unstated');
    return { id, type, cap: SOURCE_TYPE_CAPS[type] ?? null };
  });
  for (const [id, type] of typeOf) {
    if (!(type in SOURCE_TYPE_CAPS)) {
      const r = rows.find((x) => x.cells.entity_id === id && x.cells.prop === 'keywords')!;
      problem(r, 'value', `source type "${type}" is not one of ${Object.keys(SOURCE_TYPE_CAPS).join(', ')}`);
    }
  }
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const grades: CaseLintReport['grades'] = {};
  for (const r of rows) {
    const c = r.cells;
    const grade = c.evidence_grade ?? '';
    if (!isEvidenceGrade(grade)) {
      problem(r, 'evidence_grade', `"${grade}" is not one of ${EVIDENCE_GRADES.join(', ')}`);
      continue;
    }
    grades[grade] = (grades[grade] ?? 0) + 1;
    const doc = c.source_document ?? '';
    if (!doc) problem(r, 'source_document', 'every claim must cite its source');
    if (!c.locator) problem(r, 'locator', 'every claim must say where in its source (a paragraph, a page)');
    if (doc && !URL_RE.test(doc)) {
      const source = sourceById.get(doc);
      if (!source) problem(r, 'source_document', `"${doc}" is not a Document or Article of this case file`);
      else if (source.type === 'not-read') problem(r, 'source_document', `"${doc}" is known only through another source: cite the source that reports it`);
      else if (!source.cap) problem(r, 'source_document', `source "${doc}" states no type (keywords "source-type:…")`);
      else if (gradeRank(grade) < gradeRank(source.cap)) problem(r, 'evidence_grade', `"${grade}" is stronger than the source can establish (${doc} is of type ${source.type}: at most "${source.cap}")`);
    } else if (doc && gradeRank(grade) < gradeRank('reported')) {
      problem(r, 'evidence_grade', `"${grade}" is stronger than an untyped web page can establish (at most "reported")`);
    }
    if (c.claim_date && !parseDateSpan(c.claim_date)) problem(r, 'claim_date', `"${c.claim_date}" is not an ISO date at the source's precision (2022, 2022-11, 2022-11-05)`);
    if (grade === 'denied' && !c.claimant && r.kind === 'transfer') problem(r, 'claimant', 'a denial names who denies');

    if (r.kind === 'transfer') {
      const dated = TRANSFER_DATES.filter((f) => c[f]);
      for (const f of dated) if (!parseDateSpan(c[f])) problem(r, f, `"${c[f]}" is not an ISO date, range (2016/2021) or open range (../2023-03)`);
      if (dated.length && !c.date_qualifier) problem(r, 'date_qualifier', 'a dated transfer says how its date is qualified (exact, approximate, before, after, range)');
    } else if (c.schema && c.prop && hasSchema(c.schema) && propertyType(c.schema, c.prop) === 'date' && !datePrecision(c.value ?? '')) {
      problem(r, 'value', `${c.prop} "${c.value}" is not an ISO date at the source's precision (2022, 2022-11, 2022-11-05)`);
    }
  }
  return { claims: rows.length, sources, grades, problems };
}
