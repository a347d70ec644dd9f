// The one rule for "sanctioned" (src/model/targets.ts): only a sanctions list designates.
import { describe, expect, it } from 'vitest';
import { isSanctionsList, isTarget, sanctionsLists, targetIds } from '../../src/model/targets.ts';

const versions = [
  { dataset: 'us_ofac_sdn', format: 'ofac-sdn-csv' },
  { dataset: 'un_sc_sanctions', format: 'un-sc-xml' },
  { dataset: 'case_dprk_russia', format: 'interdict-case-csv' },
  { dataset: 'analyst_notes', format: 'analyst' },
  { dataset: 'reports', format: 'statements-csv' },
];
const lists = sanctionsLists(versions);

describe('isTarget', () => {
  it('knows the list datasets by the format they were read from', () => {
    expect([...lists].sort()).toEqual(['un_sc_sanctions', 'us_ofac_sdn']);
    expect(isSanctionsList({ format: 'uk-fcdo-csv' })).toBe(true);
    expect(isSanctionsList({ format: 'arms-transfers-csv' })).toBe(false);
  });

  it('a Sanction from a list designates; one from a case file or an analyst does not', () => {
    const person = { id: 'p', properties: {}, datasets: ['case_dprk_russia'] };
    expect(isTarget(person, [{ datasets: ['us_ofac_sdn'] }], lists)).toBe(true);
    expect(isTarget(person, [{ datasets: ['case_dprk_russia'] }, { datasets: ['analyst_notes'] }], lists)).toBe(false);
  });

  it('the sanction topic counts only on an entity a list holds; a publisher reference alone is not a designation', () => {
    expect(isTarget({ id: 'a', properties: { topics: ['sanction'] }, datasets: ['un_sc_sanctions'] }, [], lists)).toBe(true);
    expect(isTarget({ id: 'b', properties: { topics: ['sanction'] }, datasets: ['reports'] }, [], lists)).toBe(false);
    expect(isTarget({ id: 'c', properties: { name: ['John Kirby'] }, datasets: ['case_dprk_russia'] }, [], lists)).toBe(false);
  });

  it('targetIds applies the same rule in bulk', () => {
    const entities = [
      { id: 'x', properties: {}, datasets: ['us_ofac_sdn'] },
      { id: 'y', properties: {}, datasets: ['case_dprk_russia'] },
    ];
    const sanctions = [
      { datasets: ['us_ofac_sdn'], properties: { entity: ['x'] } },
      { datasets: ['case_dprk_russia'], properties: { entity: ['y'] } },
    ];
    expect([...targetIds(entities, sanctions, lists)]).toEqual(['x']);
  });
});
