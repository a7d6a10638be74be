/**
 * The files of a zip archive, read with node:zlib alone: enough for the
 * packages `sls package` writes (stored or deflated entries, no ZIP64),
 * without a zip library among the project's dependencies.
 */
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** The archive's files (not its folders), by path, uncompressed. */
export function zipEntries(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(uint32(END_OF_DIRECTORY));
  if (end < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new Error(`no directory entry at byte ${at}`);
    }
    const nameLength = archive.readUInt16LE(at + 28);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    if (!name.endsWith('/')) entries.set(name, contentAt(archive, at));
    at +=
      46 +
      nameLength +
      archive.readUInt16LE(at + 30) +
      archive.readUInt16LE(at + 32);
  }

  return entries;
}

/** The content of the entry whose directory record is at `record`. */
function contentAt(archive: Buffer, record: number): Buffer {
  const method = archive.readUInt16LE(record + 10);
  const size = archive.readUInt32LE(record + 20);
  const local = archive.readUInt32LE(record + 42);
  if (archive.readUInt32LE(local) !== LOCAL_HEADER) {
    throw new Error(`no local header at byte ${local}`);
  }
  const start =
    local +
    30 +
    archive.readUInt16LE(local + 26) +
    archive.readUInt16LE(local + 28);
  const data = archive.subarray(start, start + size);
  if (method === STORED) return data;
  if (method === DEFLATED) return inflateRawSync(data);

  throw new Error(`unsupported compression method ${method}`);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);

  return bytes;
}
