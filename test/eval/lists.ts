// Loads the bundled OFAC SDN list (2023-12-28) into FtM-style entities for the evaluation scripts,
// and a small in-memory blocking index over nameKeys — a stand-in for the screening service's
// index, so the matcher can be measured on its own.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { nameKeys } from '../../src/names/keys.ts';
import { nameKindOf } from '../../src/names/tokens.ts';
import { compareEntities, prepareCandidate, type CompareResult, type PreparedCandidate, type QueryEntity } from '../../src/screening/compare.ts';

export interface ListedEntity extends QueryEntity {
  id: string;
}

const root = new URL('../../', import.meta.url);
const gz = (p: string) => gunzipSync(readFileSync(new URL(p, root))).toString('utf8');
const rows = (text: string) => parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
const nil = (v: string | undefined) => (v && v.trim() !== '-0-' ? v.trim() : undefined);

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

function isoDob(v: string): string {
  const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(v.trim());
  if (m) return `${m[3]}-${MONTHS[m[2].toLowerCase()]}-${m[1].padStart(2, '0')}`;
  const y = /^([A-Za-z]{3}) (\d{4})$/.exec(v.trim());
  if (y) return `${y[2]}-${MONTHS[y[1].toLowerCase()]}`;
  return v.trim();
}

/** OFAC SDN entities with names, aliases, birth dates, nationality, gender, IMO and passports. */
export function loadSdn(): ListedEntity[] {
  const byId = new Map<string, ListedEntity>();
  for (const r of rows(gz('data/us_ofac_sdn/2023-12-28/sdn.csv.gz'))) {
    if (!r[1]) continue;
    const type = nil(r[2])?.toLowerCase();
    const schema = type === 'individual' ? 'Person' : type === 'vessel' ? 'Vessel' : type === 'aircraft' ? 'Airplane' : 'Organization';
    const props: Record<string, string[]> = { name: [r[1]] };
    const remarks = nil(r[11]) ?? '';
    for (const m of remarks.matchAll(/DOB ([^;]+)/g)) (props.birthDate ??= []).push(isoDob(m[1].replace(/^circa /, 'circa ')));
    for (const m of remarks.matchAll(/nationality ([^;]+)/g)) (props.nationality ??= []).push(m[1].trim());
    for (const m of remarks.matchAll(/Gender (Male|Female)/g)) (props.gender ??= []).push(m[1].toLowerCase());
    for (const m of remarks.matchAll(/IMO (\d{7})/g)) (props.imoNumber ??= []).push(m[1]);
    for (const m of remarks.matchAll(/Passport ([A-Z0-9]+)/g)) (props.passportNumber ??= []).push(m[1]);
    byId.set(r[0], { id: r[0], schema, properties: props });
  }
  for (const r of rows(gz('data/us_ofac_sdn/2023-12-28/alt.csv.gz'))) {
    const e = byId.get(r[0]);
    const name = nil(r[3]);
    if (!e || !name) continue;
    const prop = nil(r[2])?.toLowerCase() === 'fka' ? 'previousName' : nil(r[4])?.toLowerCase().includes('weak') ? 'weakAlias' : 'alias';
    (e.properties[prop] ??= []).push(name);
  }
  return [...byId.values()];
}

/** UN consolidated list individuals (names, aliases, birth years), ids `un:<reference number>`. */
export function loadUnPeople(): ListedEntity[] {
  const xml = gz('data/un_sc_sanctions/2026-02-27/consolidated.xml.gz');
  const out: ListedEntity[] = [];
  for (const block of xml.split('</INDIVIDUAL>')) {
    const ref = /<REFERENCE_NUMBER>([^<]+)</.exec(block)?.[1];
    const parts = [...block.matchAll(/<(FIRST|SECOND|THIRD|FOURTH)_NAME>([^<]*)</g)].map((m) => m[2].trim()).filter(Boolean);
    if (!ref || !parts.length) continue;
    const props: Record<string, string[]> = { name: [parts.join(' ')] };
    for (const m of block.matchAll(/<ALIAS_NAME>([^<]+)</g)) (props.alias ??= []).push(m[1].trim());
    for (const m of block.matchAll(/<NAME_ORIGINAL_SCRIPT>([^<]+)</g)) (props.alias ??= []).push(m[1].trim());
    for (const m of block.matchAll(/<INDIVIDUAL_DATE_OF_BIRTH>[\s\S]*?<\/INDIVIDUAL_DATE_OF_BIRTH>/g)) {
      const date = /<DATE>([^<]+)</.exec(m[0])?.[1] ?? /<YEAR>([^<]+)</.exec(m[0])?.[1];
      if (date) (props.birthDate ??= []).push(date.trim());
    }
    out.push({ id: 'un:' + ref, schema: 'Person', properties: props });
  }
  return out;
}

export interface Hit {
  entity: ListedEntity;
  result: CompareResult;
}

/** The matcher the eval scripts score with: `--algorithm interdict-v1|interdict-v2` (default: the default). */
const at = process.argv.indexOf('--algorithm');
export const EVAL_ALGORITHM = at >= 0 ? process.argv[at + 1] : undefined;

/** Blocking on nameKeys + IMO, then compareEntities on the candidates; results by score, then rank, as the screener orders them. */
export class MiniIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly prepared: PreparedCandidate[] = [];

  constructor(readonly entities: ListedEntity[]) {
    entities.forEach((e, i) => {
      this.prepared.push(prepareCandidate(e));
      const kind = nameKindOf(e.schema);
      const keys = new Set<string>();
      for (const p of ['name', 'alias', 'weakAlias', 'previousName']) for (const n of e.properties[p] ?? []) for (const k of nameKeys(n, [kind])) keys.add(k);
      for (const imo of e.properties.imoNumber ?? []) keys.add('imo:' + imo);
      for (const k of keys) {
        let list = this.postings.get(k);
        if (!list) this.postings.set(k, (list = []));
        list.push(i);
      }
    });
  }

  candidates(q: QueryEntity): number[] {
    const kind = nameKindOf(q.schema);
    const seen = new Set<number>();
    for (const n of q.properties.name ?? []) for (const k of nameKeys(n, [kind])) for (const i of this.postings.get(k) ?? []) seen.add(i);
    for (const imo of q.properties.imoNumber ?? []) for (const i of this.postings.get('imo:' + imo) ?? []) seen.add(i);
    return [...seen];
  }

  search(q: QueryEntity, limit = 5, algorithm = EVAL_ALGORITHM): Hit[] {
    const hits = this.candidates(q).map((i) => ({ entity: this.entities[i], result: compareEntities(q, this.prepared[i], { algorithm }) }));
    const rank = (r: CompareResult) => r.rank ?? r.score;
    return hits.sort((a, b) => b.result.score - a.result.score || rank(b.result) - rank(a.result)).slice(0, limit);
  }
}
