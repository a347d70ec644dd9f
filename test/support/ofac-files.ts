// Two real versions of OFAC's SDN list (legacy CSV), whole and as a subset. The whole lists (8,976 and
// 13,821 entries) are for tests whose point is the size: the shrink guard's figures, delta correctness
// over thousands of changed targets, the importer's counts. Tests that need only *a* real change
// between two versions take the subset (test/fixtures/ORIGIN.md): the DPRK and Zimbabwe programmes'
// entries, byte-exact, with additions (MKRTYCHEV, Ashot), removals and changed entries; KIM Jong Un
// and KOMID are listed in both.
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIX = join(ROOT, 'test/fixtures/ofac_sdn');

export const SDN_2021 = ['sdn', 'add', 'alt', 'sdn_comments'].map((f) => join(FIX, '2021-07-07', `${f}.csv`));
export const SDN_2023 = ['sdn', 'add', 'alt'].map((f) => join(ROOT, 'data/us_ofac_sdn/2023-12-28', `${f}.csv.gz`));
export const SDN_2021_SUBSET = ['sdn', 'add', 'alt', 'sdn_comments'].map((f) => join(FIX, 'subset/2021-07-07', `${f}.csv`));
export const SDN_2023_SUBSET = ['sdn', 'add', 'alt'].map((f) => join(FIX, 'subset/2023-12-28', `${f}.csv`));
