// Interdict's model is the FtM package's (FtM 4); check it against the FtM 3.8.4 model published with
// the project data for the schemata the lists and the graph rely on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { model, schemaIsA, propertyType, ENTITY_PROPS } from '../../src/model/ftm.ts';

const old = JSON.parse(readFileSync(new URL('../fixtures/followthemoney/defaultModel-3.8.4.json', import.meta.url), 'utf8')) as {
  schemata: Record<string, { properties: Record<string, { type: string }> }>;
};

const RELIED_ON = [
  'Thing', 'LegalEntity', 'Person', 'Organization', 'Company', 'Vessel', 'Airplane', 'Sanction', 'Passport', 'Identification',
  'Address', 'CryptoWallet', 'Ownership', 'Directorship', 'Membership', 'Employment', 'Representation', 'Family', 'Associate',
  'UnknownLink', 'Document', 'Article', 'Event',
];

describe('the FtM model', () => {
  it('comes from the FtM 4 package', () => {
    expect(Object.keys(model.schemata).length).toBeGreaterThanOrEqual(69);
    expect(schemaIsA('Company', 'LegalEntity')).toBe(true);
    expect(propertyType('Sanction', 'unscId')).toBe('identifier');
    expect(ENTITY_PROPS).toContain('subject');
  });

  // What FtM 4 changed in these schemata; none of it is used by Interdict's parsers.
  const KNOWN_CHANGES: Record<string, string[]> = {
    LegalEntity: ['authoredAssessments: removed'],
    Person: ['posts: removed'],
    Company: ['bikCode: string -> identifier', 'ibcRuc: removed'],
    Sanction: ['duration: string -> number'],
    CryptoWallet: ['mangingExchange: removed'],
  };

  it.each(RELIED_ON)('keeps every FtM 3.8.4 property of %s with the same type, but for known FtM 4 changes', (name) => {
    const before = old.schemata[name];
    expect(before, `${name} in 3.8.4`).toBeDefined();
    const now = model.schemata[name];
    expect(now, `${name} in the package`).toBeDefined();
    const changed: string[] = [];
    for (const [prop, spec] of Object.entries(before.properties)) {
      if (!now!.hasProperty(prop)) changed.push(`${prop}: removed`);
      else if (now!.getProperty(prop).type.name !== spec.type) changed.push(`${prop}: ${spec.type} -> ${now!.getProperty(prop).type.name}`);
    }
    expect(changed).toEqual(KNOWN_CHANGES[name] ?? []);
  });
});
