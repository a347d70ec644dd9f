import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { documentNumber, splitEnumerated, ukDate, unReferences, ukListReference } from '../../src/sources/uk/uk-fields.ts';
import { countriesIn } from '../../src/sources/uk/uk-countries.ts';
import { csvRecords } from '../../src/sources/csv-records.ts';
import { nameProperty } from '../../src/sources/uk/uk-entry.ts';
import { SourceError } from '../../src/model/errors.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const tmp = tempDirForFile('uk');

async function cellsOf(path: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of csvRecords(path)) out.push(r.cells);
  return out;
}

describe('UK field parsing', () => {
  it('reads dd/mm/yyyy dates with 00 for unknown parts as partial ISO dates', () => {
    expect(ukDate('28/09/1955')).toBe('1955-09-28');
    expect(ukDate('00/04/1984')).toBe('1984-04');
    expect(ukDate('00/00/1980')).toBe('1980');
    expect(ukDate('10/00/1983')).toBe('1983');
    expect(ukDate('31/02/1983')).toBeUndefined();
    expect(ukDate('13-Jun-2024')).toBe('2024-06-13');
    expect(ukDate('circa 1960')).toBeUndefined();
  });

  it('splits the inline enumerations of the UK lists', () => {
    expect(splitEnumerated('(1) German (2) Moroccan')).toEqual(['German', 'Moroccan']);
    expect(splitEnumerated('1) Saudi Arabia 2) Qatar')).toEqual(['Saudi Arabia', 'Qatar']);
    expect(splitEnumerated('a) French, b) Tunisian')).toEqual(['French', 'Tunisian']);
    expect(splitEnumerated('Jordanian passport numbers (1) K048787 (2) 486298')).toEqual(['Jordanian passport numbers', 'K048787', '486298']);
    expect(splitEnumerated('Ndele, Bamingui-Bangoran')).toEqual(['Ndele, Bamingui-Bangoran']);
  });

  it('finds UN and UK list references in free text', () => {
    expect(unReferences('UN Ref QDe.004. Emir for the eastern zone')).toEqual(['QDe.004']);
    expect(unReferences('UN REF:QE.A.146.14. Also referred to as')).toEqual(['QE.A.146.14']);
    expect(unReferences('(UK Sanctions List Ref):AQD0183 (UN Ref):QDi.263. Leader of (QDe.118)')).toEqual(['QDi.263']);
    expect(unReferences('Annex XIII. UN listing. KPi.023. Has held')).toEqual(['KPi.023']);
    expect(unReferences('Annex XV. EU listing. Not UN.')).toEqual([]);
    expect(ukListReference('(UK Sanctions List Ref):AQD0183 (UN Ref):QDi.263')).toBe('AQD0183');
  });

  it('picks document numbers out of passport texts, not dates', () => {
    expect(documentNumber('Passport No: 592667 (Qatari passport issued on 3 May 2007).')).toBe('592667');
    expect(documentNumber('CAR Diplomatic Passport No D00000897 issued 5 April 2013')).toBe('D00000897');
    expect(documentNumber('Tunisia number G557170 issued on 16 Nov 1989.')).toBe('G557170');
    expect(documentNumber('issued on 12 Sept 1993')).toBeUndefined();
    expect(documentNumber('(Eqypt). Issued 1993.')).toBeUndefined();
  });

  it('reads country cells with qualifiers, demonyms and several countries', () => {
    expect(countriesIn('1) Saudi Arabia 2) Qatar').codes).toEqual(['sa', 'qa']);
    expect(countriesIn('Afghanistan (since 2009)').codes).toEqual(['af']);
    expect(countriesIn('(1) Afghan (2) Pakistani').codes).toEqual(['af', 'pk']);
    expect(countriesIn("Democratic People’s Republic of Korea").codes).toEqual(['kp']);
    expect(countriesIn('DRC and Belgian nationalities').codes).toEqual(['cd', 'be']);
    expect(countriesIn('Tartous').unresolved).toEqual(['Tartous']);
    // Official and historical names live in the shared table, misspellings in the UK one.
    expect(countriesIn('Sultanate of Oman').codes).toEqual(['om']);
    expect(countriesIn('Union of the Comoros').codes).toEqual(['km']);
    expect(countriesIn('Kazakh Soviet Socialist Republic').codes).toEqual(['kz']);
    expect(countriesIn('1) Ukrainian SSR 2) Ukranian SSR').codes).toEqual(['ua']);
    expect(countriesIn('Afganistan').codes).toEqual(['af']);
  });

  it('maps name types and alias strength to FtM name properties', () => {
    expect(nameProperty('Primary name', '')).toBe('name');
    expect(nameProperty('Prime Alias', '')).toBe('name');
    expect(nameProperty('Primary name variation', '')).toBe('alias');
    expect(nameProperty('AKA', 'Good')).toBe('alias');
    expect(nameProperty('Alias', 'Low quality')).toBe('weakAlias');
    expect(nameProperty('FKA', '')).toBe('previousName');
    expect(nameProperty('Nickname', '')).toBeUndefined();
  });
});

describe('CSV text decoding', () => {
  it('decodes a Windows-1252 file as such (Côte d’Ivoire, ARMÉ)', async () => {
    const path = join(tmp, 'cp1252.csv');
    // The accented byte comes after 64 KiB of ASCII, past any head-only sniffing.
    const filler = 'x,y\r\n'.repeat(70_000 / 5);
    writeFileSync(path, Buffer.concat([Buffer.from(filler), iconv.encode("Côte d'Ivoire,GROUPE ISLAMIQUE ARMÉ ‘quoted’\r\n", 'win1252')]));
    const rows = await cellsOf(path);
    expect(rows.at(-1)).toEqual(["Côte d'Ivoire", 'GROUPE ISLAMIQUE ARMÉ ‘quoted’']);
  });

  it('decodes UTF-8 (with or without BOM) as UTF-8', async () => {
    const path = join(tmp, 'utf8.csv');
    writeFileSync(path, '\uFEFFname,script\r\n"Côte d\'Ivoire",량철호\r\n', 'utf8');
    expect(await cellsOf(path)).toEqual([['name', 'script'], ["Côte d'Ivoire", '량철호']]);
  });

  it('rejects a UTF-8 file that turns invalid later (mixed encodings), naming the line', async () => {
    const path = join(tmp, 'mixed.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('a,b\nCôte,1\nx,2\n', 'utf8'), iconv.encode('ARMÉ,3\n', 'win1252')]));
    const err = await cellsOf(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).line).toBe(4);
    expect((err as SourceError).message).toMatch(/mixed\.csv:4: not valid UTF-8/);
  });

  it('reports an unclosed quote with its line', async () => {
    const path = join(tmp, 'quote.csv');
    writeFileSync(path, 'a,b\n1,2\n"open,3\n4,5\n');
    const err = await cellsOf(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).message).toMatch(/quote\.csv.*malformed CSV/);
  });
});
