// The streaming XML helper: records as trees, line numbers in errors, DOCTYPE attacks refused.
import { describe, expect, it } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { streamXmlRecords, childText, children, child, textOf, type XmlElement } from '../../src/sources/xml.ts';
import { SourceError } from '../../src/model/errors.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const SAMPLE = 'test/fixtures/ofac_sdn/samples/sdn.xml';
const dir = tempDirForFile('xml');

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function all(path: string, records: string[] = ['item']): Promise<XmlElement[]> {
  const out: XmlElement[] = [];
  for await (const el of streamXmlRecords(path, { records })) out.push(el);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

describe('streamXmlRecords', () => {
  it('yields each record of the OFAC sample as a tree with text and lines', async () => {
    const entries = await all(SAMPLE, ['sdnEntry']);
    expect(entries).toHaveLength(8);
    expect(childText(entries[0], 'uid')).toBe('10689');
    expect(childText(entries[0], 'lastName')).toBe('SAEED');
    expect(children(child(entries[0], 'akaList'), 'aka')).toHaveLength(10);
    expect(entries[0].line).toBe(7);
    // the same file gzipped gives the same records
    const gz = write('sdn.xml.gz', gzipSync(readFileSync(SAMPLE)));
    const fromGz = await all(gz, ['sdnEntry']);
    expect(fromGz.map((e) => childText(e, 'uid'))).toEqual(entries.map((e) => childText(e, 'uid')));
  });

  it('selects records by path, strips prefixes, decodes entities and CDATA', async () => {
    const path = write(
      'ns.xml',
      '<?xml version="1.0" encoding="UTF-8"?>\n<x:root xmlns:x="urn:t">\n<x:item id="1"><x:n>A &amp; B</x:n></x:item>\n' +
        '<x:group><x:item id="2"><x:n><![CDATA[<C>]]></x:n></x:item></x:group>\n</x:root>\n',
    );
    const top: XmlElement[] = [];
    for await (const el of streamXmlRecords(path, { records: (p) => p.length === 2 && p[1] === 'item' })) top.push(el);
    expect(top.map((e) => e.attrs.id)).toEqual(['1']);
    const any = await all(path);
    expect(any.map((e) => childText(e, 'n'))).toEqual(['A & B', '<C>']);
    expect(textOf(undefined)).toBe('');
  });

  it('checks the root element and namespace', async () => {
    const path = write('un.xml', '<?xml version="1.0"?>\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>\n');
    const err = await failure(
      (async () => {
        for await (const _ of streamXmlRecords(path, { records: ['sdnEntry'], root: { name: 'sdnList', kind: 'an OFAC SDN XML file' } })) void _;
      })(),
    );
    expect(err.message).toMatch(/not an OFAC SDN XML file: the root element is <CONSOLIDATED_LIST>/);
    const wrongNs = write('ns2.xml', '<sdnList xmlns="urn:other"/>');
    const err2 = await failure(
      (async () => {
        for await (const _ of streamXmlRecords(wrongNs, { records: [], root: { name: 'sdnList', namespaces: ['http://tempuri.org/sdnList.xsd'] } })) void _;
      })(),
    );
    expect(err2.message).toMatch(/in namespace urn:other/);
  });

  it('names the line of a mismatched tag', async () => {
    const path = write('bad.xml', '<?xml version="1.0"?>\n<list>\n<item>x</item>\n<item>y</itme>\n</list>\n');
    const err = await failure(all(path));
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/^bad\.xml:4: malformed XML/);
  });

  it('rejects a truncated file, plain or gzipped', async () => {
    const plain = write('trunc.xml', '<?xml version="1.0"?>\n<list>\n<item>x</item>\n<item>y');
    const err = await failure(all(plain));
    expect(err.message).toMatch(/unclosed tag/);
    const gz = gzipSync(readFileSync(SAMPLE));
    const cut = write('trunc.xml.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
    const err2 = await failure(all(cut, ['sdnEntry']));
    expect(err2.message).toMatch(/trunc\.xml\.gz.*(unexpected end of file|unclosed tag)/);
  });

  it('refuses XXE and billion-laughs DOCTYPEs before any entity is used', async () => {
    const xxe = write('xxe.xml', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<list><item>&e;</item></list>\n');
    const err = await failure(all(xxe));
    expect(err.message).toMatch(/entity declarations are refused/);
    expect(err.line).toBe(2);
    const lol =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' +
      Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">\n`).join('') +
      ']>\n<list><item>&lol9;</item></list>\n';
    const err2 = await failure(all(write('lol.xml', lol)));
    expect(err2.message).toMatch(/entity declarations are refused/);
    const plainDoctype = write('dt.xml', '<?xml version="1.0"?>\n<!DOCTYPE list SYSTEM "http://example.org/list.dtd">\n<list/>\n');
    expect((await failure(all(plainDoctype))).message).toMatch(/DOCTYPE declarations are refused/);
  });

  it('rejects bytes that are not valid in the declared encoding, and empty files', async () => {
    const latin = write('latin.xml', Buffer.concat([Buffer.from('<?xml version="1.0"?>\n<list>\n<item>Caf'), Buffer.from([0xe9]), Buffer.from('</item></list>')]));
    const err = await failure(all(latin));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/wrong encoding/);
    // the same bytes declared as Latin-1 are fine
    const declared = write('latin1.xml', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<list><item>Caf'), Buffer.from([0xe9]), Buffer.from('</item></list>')]));
    expect(textOf((await all(declared))[0])).toBe('Café');
    expect((await failure(all(write('empty.xml', '')))).message).toMatch(/empty file/);
    // A literal U+FFFD (valid UTF-8, as in the official UN list) is text, not an error.
    const replacement = write('fffd.xml', '<?xml version="1.0"?>\n<list><item>a\uFFFDb</item></list>');
    expect(textOf((await all(replacement))[0])).toBe('a\uFFFDb');
  });
});
