// How much an XLSX file (a ZIP archive) unpacks to, worked out before exceljs reads it. exceljs's
// streaming reader writes each worksheet, unpacked, to a temporary file before reading a row of
// it, so a 1 MB file of compressed spaces became a 1 GB file and 700 MB of memory. No ZIP library
// is a dependency here, so the archive is walked as exceljs's unzipper walks it (local headers in
// order from the start, through the central directory, to the end record) and each entry is
// inflated and counted, never kept, stopping as soon as the total passes the limit.
import { createInflateRaw } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const DATA_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
const ZIP64_SIZE = 0xffffffff;

export type UnpackedSize = { kind: 'within'; bytes: number } | { kind: 'over' } | { kind: 'damaged' };

/** Inflates data and counts the bytes it makes, giving up once they pass budget. */
function inflatedLength(data: Buffer, budget: number): Promise<number | 'over' | 'damaged'> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    let made = 0;
    inflater.on('data', (chunk: Buffer) => {
      made += chunk.length;
      if (made > budget) {
        inflater.destroy();
        resolve('over');
      }
    });
    inflater.on('error', () => resolve('damaged'));
    inflater.on('end', () => resolve(made));
    inflater.end(data);
  });
}

interface Entry {
  data: Buffer;
  compressed: boolean;
  next: number;
}

/** The local entry at pos: its data as the unzipper takes it, and where the next record starts. */
function localEntry(bytes: Buffer, pos: number): Entry | null {
  if (pos + 30 > bytes.length) return null;
  const flags = bytes.readUInt16LE(pos + 6);
  const method = bytes.readUInt16LE(pos + 8);
  const compressedSize = bytes.readUInt32LE(pos + 18);
  const uncompressedSize = bytes.readUInt32LE(pos + 22);
  // A ZIP64 entry (over 4 GB) is never needed for a file this small.
  if (compressedSize === ZIP64_SIZE || uncompressedSize === ZIP64_SIZE) return null;
  const start = pos + 30 + bytes.readUInt16LE(pos + 26) + bytes.readUInt16LE(pos + 28);
  // As the unzipper does: sizes from the local header unless flagged as following the data.
  const sizeKnown = (flags & 0x08) === 0 || compressedSize > 0;
  if (sizeKnown) {
    const end = start + compressedSize;
    if (end > bytes.length) return null;
    return { data: bytes.subarray(start, end), compressed: method !== 0, next: end };
  }
  const end = bytes.indexOf(DATA_DESCRIPTOR, start);
  if (end < 0) return null;
  return { data: bytes.subarray(start, end), compressed: method !== 0, next: end + 16 };
}

/** The bytes an archive unpacks to, or 'over' as soon as they pass limit. */
export async function zipUnpackedSize(bytes: Buffer, limit: number): Promise<UnpackedSize> {
  let pos = 0;
  let total = 0;
  let reachedDirectory = false;
  while (pos + 4 <= bytes.length) {
    const signature = bytes.readUInt32LE(pos);
    if (signature === END_RECORD) break;
    if (signature === CENTRAL_HEADER) {
      if (pos + 46 > bytes.length) return { kind: 'damaged' };
      reachedDirectory = true;
      pos += 46 + bytes.readUInt16LE(pos + 28) + bytes.readUInt16LE(pos + 30) + bytes.readUInt16LE(pos + 32);
      continue;
    }
    if (signature !== LOCAL_HEADER) {
      // Past the central directory the unzipper skips to the end record; before it, it stops.
      if (reachedDirectory) break;
      return { kind: 'damaged' };
    }
    const entry = localEntry(bytes, pos);
    if (!entry) return { kind: 'damaged' };
    const made =
      entry.compressed && entry.data.length > 0
        ? await inflatedLength(entry.data, limit - total)
        : entry.data.length;
    if (made === 'over') return { kind: 'over' };
    if (made === 'damaged') return { kind: 'damaged' };
    total += made;
    if (total > limit) return { kind: 'over' };
    pos = entry.next;
  }
  return { kind: 'within', bytes: total };
}
