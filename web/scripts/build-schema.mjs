// Extracts from the FtM model (MIT, @opensanctions/followthemoney) the little the app needs to show
// entities: per schema its label, parents, caption properties and its own properties' label and type.
// Run once by hand: node web/scripts/build-schema.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const ftm = JSON.parse(readFileSync(new URL('../../node_modules/@opensanctions/followthemoney/dist/defaultModel.json', import.meta.url), 'utf8'));
const out = {};
for (const [name, s] of Object.entries(ftm.schemata)) {
  const props = {};
  for (const [p, d] of Object.entries(s.properties ?? {})) props[p] = d.range ? [d.label, d.type, d.range] : [d.label, d.type];
  out[name] = { label: s.label, plural: s.plural, extends: s.extends ?? [], edge: s.edge ? [s.edge.source, s.edge.target, s.edge.label] : undefined, props };
}
writeFileSync(new URL('../src/assets/ftm-schemata.json', import.meta.url), JSON.stringify(out));
console.log(`${Object.keys(out).length} schemata written`);
