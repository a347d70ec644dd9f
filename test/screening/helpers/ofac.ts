// The bundled OFAC SDN list of 2023-12-28 (data/us_ofac_sdn/2023-12-28, official files, gzipped),
// parsed with the project's parser into an in-memory reader, as the store would serve it.
import { fileURLToPath } from 'node:url';
import { collect, entitiesOf } from '../../../src/sources/collect.ts';
import { ofacSdnCsv } from '../../../src/sources/ofac/csv.ts';
import { MemoryReader } from '../../../src/store/memory-reader.ts';
import type { FtmEntity } from '../../../src/model/entity.ts';

const DIR = fileURLToPath(new URL('../../../data/us_ofac_sdn/2023-12-28/', import.meta.url));

let cached: Promise<FtmEntity[]> | undefined;

export function ofacSdnEntities(): Promise<FtmEntity[]> {
  return (cached ??= (async () => {
    const parsed = await collect(ofacSdnCsv, ['sdn.csv.gz', 'add.csv.gz', 'alt.csv.gz'].map((f) => DIR + f));
    return [...entitiesOf(parsed.statements).values()];
  })());
}

export async function ofacSdnReader(): Promise<MemoryReader> {
  const reader = new MemoryReader();
  reader.addEntities('us_ofac_sdn', await ofacSdnEntities(), { publishedAt: '2023-12-28' });
  return reader;
}
