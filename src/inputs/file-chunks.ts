// A file's bytes chunk by chunk into one reused buffer, for the export reader. fs.ReadStream
// allocates a new 64 KB buffer for every chunk, and that fresh memory (page faults, a GC'd
// backing store per chunk) cost about 65 ms of CPU per 17 MB (MTSamples' CSV) where reading into
// one buffer costs about 15 (5 runs each, process.cpuUsage; larger chunks cost more, not less:
// their strings are large objects).
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';

/** The size of each chunk, in bytes: as fs.ReadStream's default. */
export const CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of the file at `path`, in order, as chunks of at most CHUNK_BYTES. Each chunk of a
 * regular file is a view of one buffer that the next chunk overwrites: the caller must copy (or
 * decode) what it keeps before asking for the next. A regular file is read synchronously, a chunk
 * per step (a read from disk waits on nothing else); anything else (a FIFO, a device: reads that
 * may wait on a writer) is read as a stream. Throws, when iterated, the fs error of opening or
 * reading (ENOENT, EACCES, EISDIR: see describeIoError).
 */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  if (!fstatSync(fd).isFile()) {
    yield* createReadStream('', { fd }); // closes fd when it ends or fails
    return;
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n = readSync(fd, buffer, 0, CHUNK_BYTES, null); n > 0; n = readSync(fd, buffer, 0, CHUNK_BYTES, null)) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
