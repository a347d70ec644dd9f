// Reads a ZIP's central directory (without unpacking anything) and refuses archives that would
// unpack to too much or at too high a ratio: the zip-bomb guard in front of the DOCX reader.
import { SourceError } from '../model/errors.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function checkZip(bytes: Uint8Array, fileName: string, limits: { maxUnpackedBytes: number; maxZipRatio: number }): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new SourceError(fileName, 'the ZIP archive has no end-of-directory record (truncated or corrupt)');
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let unpacked = 0;
  let packed = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) throw new SourceError(fileName, 'the ZIP directory is damaged (truncated or corrupt)');
    const flags = view.getUint16(offset + 8, true);
    if (flags & 1) throw new SourceError(fileName, 'the DOCX is encrypted; save an unprotected copy to ingest it');
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    if (compressed === 0xffffffff || size === 0xffffffff) throw new SourceError(fileName, 'ZIP64 entries are not accepted in a DOCX');
    packed += compressed;
    unpacked += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  if (unpacked > limits.maxUnpackedBytes) throw new SourceError(fileName, `the DOCX would unpack to ${unpacked} bytes, over the limit of ${limits.maxUnpackedBytes} (a zip bomb?)`);
  if (packed > 0 && unpacked / packed > limits.maxZipRatio && unpacked > 1024 * 1024) {
    throw new SourceError(fileName, `the DOCX unpacks ${Math.round(unpacked / packed)}× its packed size, over the limit of ${limits.maxZipRatio}× (a zip bomb?)`);
  }
}
