import { describe, expect, it } from 'vitest';
import { compareEntities, DEFAULT_THRESHOLD, prepareCandidate, type QueryEntity } from '../../src/screening/compare.ts';
import { readPairs } from '../eval/pairs.ts';

const person = (...name: string[]): QueryEntity => ({ schema: 'Person', properties: { name } });
const cmp = (a: QueryEntity, b: QueryEntity) => compareEntities(a, b);

describe('compareEntities: the public development pairs', () => {
  const rows = readPairs(new URL('../eval/pairs_dev.csv', import.meta.url).pathname);
  it.each(rows.map((r) => [r.name1, r.name2, r.is_match, r.schema] as const))('%s ~ %s → %s', (a, b, gold, schema) => {
    const r = compareEntities({ schema, properties: { name: [a] } }, { schema, properties: { name: [b] } });
    expect(r.match, `score ${r.score}`).toBe(gold === 'true');
  });
});

describe('compareEntities: contract', () => {
  it('marks a match exactly when the score reaches the threshold, per request', () => {
    const r = cmp(person('Kim Jong Un'), person('KIM, Jong Un'));
    expect(r.match).toBe(r.score >= DEFAULT_THRESHOLD);
    expect(compareEntities(person('Anna Schmidt'), person('Hans Schmidt'), { threshold: 0.2 }).match).toBe(true);
    expect(compareEntities(person('Kim Jong Un'), person('KIM, Jong Un'), { threshold: 1.01 }).match).toBe(false);
  });
  it('gives the same result for a raw and a prepared candidate', () => {
    const listed = { schema: 'Person', properties: { name: ['PRIGOZHIN, Yevgeniy Viktorovich'], alias: ['PRIGOZHIN, Evgeny'], birthDate: ['1961-06-01'] } };
    const q = { schema: 'Person', properties: { name: ['Jewgeni Prigoschin'], birthDate: ['1961'] } };
    expect(compareEntities(q, prepareCandidate(listed))).toEqual(compareEntities(q, listed));
  });
  it('explains which query name met which listed name and through which romanization', () => {
    const r = cmp(person('김정은'), { schema: 'Person', properties: { name: ['KIM, Jong Un'] } });
    expect(r.match).toBe(true);
    const main = r.explanations[0];
    expect(main.feature).toBe('name.transliteration');
    expect(main.detail).toContain('McCune–Reischauer');
    expect(main.query).toBe('김정은');
    expect(main.candidate).toBe('KIM, Jong Un');
    const against = cmp(person('Kim Jong-nam'), person('KIM, Jong Un'));
    expect(against.explanations.some((e) => e.feature === 'name.unmatched_query' && e.detail.includes("'nam'"))).toBe(true);
  });
  it('never matches across incompatible schemata; LegalEntity matches companies', () => {
    const vessel = { schema: 'Vessel', properties: { name: ['CHON MA SAN'] } };
    expect(cmp(person('Chon Ma San'), vessel)).toMatchObject({ score: 0, match: false });
    expect(cmp({ schema: 'LegalEntity', properties: { name: ['Green Pine Associated Corp'] } }, { schema: 'Company', properties: { name: ['GREEN PINE ASSOCIATED CORPORATION'] } }).match).toBe(true);
  });
  it('counts weak aliases less than names', () => {
    const strong = cmp(person('Abu Ahmad'), { schema: 'Person', properties: { name: ['ABU AHMAD'] } });
    const weak = cmp(person('Abu Ahmad'), { schema: 'Person', properties: { name: ['Someone Else'], weakAlias: ['ABU AHMAD'] } });
    expect(weak.score).toBeLessThan(strong.score);
  });
});

describe('compareEntities: properties besides the name', () => {
  const listed = { schema: 'Person', properties: { name: ['RI, Song-hyok'], birthDate: ['1965-03-19'], gender: ['male'], nationality: ['kp'] } };
  it('rewards agreeing birth dates, partial dates and day/month swaps; penalises conflicting ones', () => {
    const base = cmp(person('Lee Sung-hyuk'), listed).score;
    expect(base).toBeLessThan(1);
    const withDob = (d: string) => cmp({ schema: 'Person', properties: { name: ['Lee Sung-hyuk'], birthDate: [d] } }, listed);
    expect(withDob('1965-03-19').score).toBeGreaterThan(base);
    expect(withDob('1965').explanations.some((e) => e.feature === 'birthDate.partial')).toBe(true);
    expect(withDob('1965-19-03').explanations.some((e) => e.feature === 'birthDate.exact' || e.feature === 'birthDate.swap')).toBe(true);
    const wrong = withDob('1990-01-01');
    expect(wrong.score).toBeLessThan(base);
    expect(wrong.match).toBe(false);
  });
  it('treats a shared IMO number as decisive and a different one as strong evidence against', () => {
    const ship = { schema: 'Vessel', properties: { name: ['SPARTA II'], imoNumber: ['9160994'] } };
    expect(cmp({ schema: 'Vessel', properties: { name: ['Sparta 2'], imoNumber: ['IMO 9160994'] } }, ship).match).toBe(true);
    expect(cmp({ schema: 'Vessel', properties: { name: ['Renamed Ship'], imoNumber: ['9160994'] } }, ship).explanations.some((e) => e.feature === 'identifier.imo')).toBe(true);
    const other = cmp({ schema: 'Vessel', properties: { name: ['Sparta II'], imoNumber: ['1234567'] } }, ship);
    expect(other.match).toBe(false);
    expect(other.explanations.some((e) => e.feature === 'identifier.imo_mismatch')).toBe(true);
  });
  it('applies per-request feature weights', () => {
    const q = { schema: 'Person', properties: { name: ['Ri Song-hyok'], birthDate: ['1990'] } };
    expect(compareEntities(q, listed, { weights: { 'birthDate.mismatch': 0 } }).score).toBeGreaterThan(cmp(q, listed).score);
  });
});

describe('compareEntities: hard cases named in the issue', () => {
  it.each([
    ['Kim Chong-un', 'KIM, Jong Un'],
    ['Kim Jeong-eun', 'KIM, Jong Un'],
    ['Jongun Kim', 'KIM, Jong Un'],
    ["Kim Kyo'ng-hyo'k", 'KIM, Kyong Hyok'],
    ['Lee Yong-moo', 'RI, Yong Mu'],
    ['Choi Sun-hee', 'CHOE, Son Hui'],
    ['Park Young-sik', 'PAK, Yong Sik'],
    ['Pjotr Bytschkow', 'BYCHKOV, Pyotr Aleksandrovich'],
    ['Evgueni Prigojine', 'PRIGOZHIN, Yevgeniy Viktorovich'],
    ['Xi Jinping', 'Hsi Chin-p\'ing'],
    ['习近平', 'XI, Jinping'],
    ['Mr. Abdurrahman al-Hashimi', 'Abd al-Rahman AL HASHIMI'],
  ])('%s matches %s', (a, b) => expect(cmp(person(a), person(b)).match).toBe(true));
  it.each([
    ['Moon Jae-in', 'KIM, Jong Un'],
    ['Kim Jong-nam', 'KIM, Jong Un'],
    ['Kim Yo-jong', 'KIM, Jong Un'],
    ['Polina Prigozhina', 'PRIGOZHIN, Yevgeniy Viktorovich'],
    ['Prigozhina', 'PRIGOZHIN'],
    ['Sergey Valeriyevich Petrov', 'PETROV, Sergei Valentinovich'],
  ])('%s does not match %s', (a, b) => expect(cmp(person(a), person(b)).match).toBe(false));
  it('matches legal forms as a class and orders of words freely, but not other companies', () => {
    const co = (n: string): QueryEntity => ({ schema: 'Company', properties: { name: [n] } });
    expect(cmp(co('ТОВ Оборонлогистика'), co('OBORONLOGISTIKA, OOO')).match).toBe(true);
    expect(cmp(co('Lazarus'), { schema: 'Organization', properties: { name: ['LAZARUS GROUP'] } }).match).toBe(true);
    expect(cmp(co('Korea Kwangson Banking Corp'), co('Korea Daesong Banking Corp')).match).toBe(false);
  });
  it('recognises acronyms and abbreviated words of organisation names', () => {
    const org = (n: string): QueryEntity => ({ schema: 'Organization', properties: { name: [n] } });
    const r = cmp(org('IRGC'), org('ISLAMIC REVOLUTIONARY GUARD CORPS'));
    expect(r.match).toBe(true);
    expect(r.explanations[0].feature).toBe('name.acronym');
    expect(cmp(org('IRGC'), org('ISLAMIC REVOLUTIONARY COURT')).match).toBe(false);
    expect(cmp(org('Mahan Air'), org('MAHAN AIRLINES')).match).toBe(true);
    expect(cmp(person('IRGC'), person('Islamic Revolutionary Guard Corps')).match).toBe(false);
  });
});

describe('compareEntities: bad input never throws', () => {
  it.each([
    ['empty', { name: [''] }],
    ['whitespace', { name: ['   \t '] }],
    ['control characters', { name: ['\u0000\u0007KIM\u001b Jong\u0085Un'] }],
    ['10 kB', { name: ['Kim Jong Un '.repeat(900)] }],
    ['no name at all', {}],
    ['non-string values', { name: [42 as unknown as string, null as unknown as string], birthDate: ['not a date', '1965-13-45'] }],
  ])('%s', (_label, properties) => {
    const r = compareEntities({ schema: 'Person', properties: properties as Record<string, string[]> }, { schema: 'Person', properties: { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'] } });
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(Array.isArray(r.explanations)).toBe(true);
  });
  it('handles an unknown schema as a name comparison without crashing', () => {
    const r = compareEntities({ schema: 'Unknown', properties: { name: ['Kim Jong Un'] } }, { schema: 'Person', properties: { name: ['KIM, Jong Un'] } });
    expect(r.match).toBe(false);
  });
});
