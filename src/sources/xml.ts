// Streaming XML for list parsers: one record element at a time as a small plain tree, so memory
// stays flat on 100+ MB files. Built on saxes, which never fetches external entities; on top of
// that any DOCTYPE is refused, so XXE and entity-expansion bombs ("billion laughs") cannot start.
//
// Usage:
//   for await (const el of streamXmlRecords(path, {
//     root: { name: 'sdnList', namespaces: ['http://tempuri.org/sdnList.xsd'], kind: 'an OFAC SDN XML file' },
//     records: ['publshInformation', 'sdnEntry'],          // or (path) => path.length === 2
//   })) { ... childText(el, 'uid') ... el.line ... }
//
// Errors are SourceErrors naming the file and line: malformed XML (with the open elements),
// a truncated or corrupt (gzip) file, bytes invalid in the declared encoding (UTF-8 by default;
// BOMs and `encoding="..."` are honoured), an unexpected root element, any DOCTYPE.
// Text outside records is never kept; each record tree is dropped once the caller moves on.
import { basename } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import iconv from 'iconv-lite';
import { SourceError } from '../model/errors.ts';
import { LIMITS, openBytes } from './io.ts';

/** An element as a plain tree. Names are local (prefix stripped); `text` is the raw direct text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the element's start tag, for error messages and locators. */
  line: number;
}

export interface XmlRootInfo {
  name: string;
  /** Namespace URI of the root element ('' when it has none). */
  namespace: string;
  attrs: Record<string, string>;
}

export interface XmlStreamOptions {
  /**
   * Which elements to yield, each as a complete tree: a list of local names, or a predicate on
   * the path of local names from the root to the element (inclusive). Elements inside a yielded
   * record are never offered again.
   */
  records: readonly string[] | ((path: readonly string[]) => boolean);
  /**
   * The expected root element: local name and, optionally, accepted namespace URIs ('' = none).
   * Anything else is rejected as "not this kind of file" before any record is read.
   */
  root?: { name: string | readonly string[]; namespaces?: readonly string[]; kind?: string };
  /** Called with the root element once it is open (e.g. to pick a dialect by its namespace). */
  onRoot?: (root: XmlRootInfo) => void;
  /** File name used in errors; default: the path's base name. */
  fileName?: string;
}

const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

/** Stream the record elements of an XML file (gzip read transparently). Throws SourceError. */
export async function* streamXmlRecords(path: string, options: XmlStreamOptions): AsyncGenerator<XmlElement> {
  const file = options.fileName ?? basename(path);
  const wanted = options.records;
  const isRecord =
    typeof wanted === 'function' ? wanted : ((names: ReadonlySet<string>) => (p: readonly string[]) => names.has(p[p.length - 1]))(new Set(wanted));

  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const path_: string[] = [];
  // Open elements of the record being built; empty when outside a record.
  const building: XmlElement[] = [];
  let ready: XmlElement[] = [];
  let sawRoot = false;

  const fail = (detail: string, line = parser.line): never => {
    throw new SourceError(file, detail, line);
  };

  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; keep its reason, report our own line.
    const reason = err.message.replace(/^.*?\d+:\d+: /, '');
    const where = path_.length > 0 ? ` (inside <${path_.join('/')}>)` : '';
    fail(`malformed XML: ${reason.replace(/\.$/, '')}${where}`);
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail('XML entity declarations are refused (possible XXE or entity-expansion attack)');
    fail('XML DOCTYPE declarations are refused (list files never need one; possible XXE or entity-expansion attack)');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    unreported = 0;
    if (building.length === 0) recordChars = 0;
    const name = localName(tag.name);
    if (!sawRoot) {
      sawRoot = true;
      checkRoot(tag, name);
    }
    path_.push(name);
    const parent = building[building.length - 1];
    if (parent || isRecord(path_)) {
      const el: XmlElement = { name, attrs: plainAttrs(tag.attributes), children: [], text: '', line: parser.line };
      if (parent) parent.children.push(el);
      building.push(el);
    }
  });
  // Characters since saxes last reported something, and in the record being built: saxes holds
  // a text or tag whole until it ends, so a 200 MB text is refused before it is in memory.
  let unreported = 0;
  let recordChars = 0;
  const addText = (text: string) => {
    unreported = 0;
    const el = building[building.length - 1];
    if (!el) return;
    el.text += text;
    recordChars += text.length;
    if (recordChars > LIMITS.maxLine) fail(`a record longer than ${LIMITS.maxLine} characters (<${building[0].name}>): not a list file, or a broken one`);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    unreported = 0;
    path_.pop();
    const el = building.pop();
    if (el && building.length === 0) ready.push(el);
  });

  function checkRoot(tag: SaxesTagPlain, name: string): void {
    const attrs = tag.attributes;
    const prefix = tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':')) : '';
    const namespace = (prefix ? attrs[`xmlns:${prefix}`] : attrs.xmlns) ?? '';
    const expect = options.root;
    if (expect) {
      const names = typeof expect.name === 'string' ? [expect.name] : expect.name;
      const kind = expect.kind ?? `<${names.join('> or <')}>`;
      if (!names.includes(name) || (expect.namespaces && !expect.namespaces.includes(namespace))) {
        fail(
          `not ${kind}: the root element is <${name}>${namespace ? ` in namespace ${namespace}` : ''}, ` +
            `expected <${names.join('> or <')}>${expect.namespaces ? ` in namespace ${expect.namespaces.map((n) => n || '(none)').join(' or ')}` : ''}`,
        );
      }
    }
    options.onRoot?.({ name, namespace, attrs: plainAttrs(attrs) });
  }

  let decoder: TextChunkDecoder | undefined;
  try {
    for await (const chunk of openBytes(path) as AsyncIterable<Buffer>) {
      if (!decoder) decoder = chunkDecoder(sniffEncoding(chunk, file), file, () => parser.line);
      const text = decoder.write(chunk);
      unreported += text.length;
      parser.write(text);
      if (unreported > LIMITS.maxLine) fail(`a text or tag longer than ${LIMITS.maxLine} characters${path_.length ? ` inside <${path_.join('/')}>` : ''}: not a list file, or a broken one`);
      if (ready.length > 0) {
        const out = ready;
        ready = [];
        yield* out;
      }
    }
    if (decoder) parser.write(decoder.end() ?? '');
    if (!sawRoot) fail('empty file: no XML root element', 1);
    // The root's closing tag is the publisher's mark of a complete file.
    if (path_.length > 0) fail(`malformed XML: unclosed tag: ${path_[path_.length - 1]} (inside <${path_.join('/')}>): the root element is never closed (truncated file?)`);
    parser.close();
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(file, `cannot read file: ${(e as Error).message} (truncated or corrupt?)`, parser.line);
  }
  yield* ready;
}

interface TextChunkDecoder {
  write(chunk: Buffer): string;
  end(): string | undefined;
}

/**
 * UTF-8 is decoded strictly (invalid bytes are an error; a literal U+FFFD in the file is not, and the
 * official UN list has some); single-byte encodings cannot be invalid.
 */
function chunkDecoder(encoding: string, file: string, line: () => number): TextChunkDecoder {
  if (!/^utf-?8$/i.test(encoding)) return iconv.getDecoder(encoding);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? utf8.decode(chunk, { stream: true }) : utf8.decode();
    } catch {
      // Name the line of the bad byte: the lines before the chunk plus the newlines up to it.
      const at = chunk ? firstInvalidUtf8(chunk) : 0;
      let newlines = 0;
      for (let i = 0; chunk && i < at; i++) if (chunk[i] === 0x0a) newlines++;
      throw new SourceError(file, 'not valid text in the declared encoding (wrong encoding?)', line() + newlines);
    }
  };
  return { write: (chunk) => decode(chunk), end: () => decode() };
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence (error path only). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= buf.length) return i; // cut at the chunk end: judged with the next chunk
      if ((buf[i + k] & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return buf.length;
}

/** Encoding from a BOM or the XML declaration of the first chunk; UTF-8 by default. */
function sniffEncoding(head: Buffer, file: string): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return head[0] === 0xff ? 'utf16le' : 'utf16be';
  }
  const decl = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.subarray(0, 200).toString('latin1'));
  const declared = decl?.[1] ?? 'utf-8';
  if (!iconv.encodingExists(declared)) throw new SourceError(file, `unsupported XML encoding "${declared}"`, 1);
  return declared;
}

/** Attributes by local name, without namespace declarations. saxes gives a fresh object per tag,
 * so the common case (no prefixes) keeps it as is: this runs for every element of every record. */
function plainAttrs(attributes: Record<string, string>): Record<string, string> {
  for (const k in attributes) {
    if (k.includes(':') || k === 'xmlns') return cleanAttrs(attributes);
  }
  return attributes;
}

function cleanAttrs(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in attributes) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    out[localName(k)] = attributes[k];
  }
  return out;
}

// ---- small accessors over XmlElement trees ----

/** The first child element with this local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** All child elements with this local name. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of an element ('' when absent). Whitespace runs collapse to one space. */
export function textOf(el: XmlElement | undefined): string {
  return el ? el.text.replace(/\s+/g, ' ').trim() : '';
}

/** Trimmed text of the first child with this name, or undefined when missing or empty. */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  const text = textOf(child(el, name));
  return text === '' ? undefined : text;
}

/** Descend through a path of child names (first match at each step). */
export function descend(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}
