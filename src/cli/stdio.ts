// The process's standard input, output and error for the CLI (io.ts defaultIo), without Node's
// streams where a descriptor does. The first read of process.stdin, process.stdout or
// process.stderr creates a stream (a socket for a pipe), which loads Node's stream modules, net
// and tty: about 20 M instructions, a tenth of a one-line check's cost over bare Node
// (BENCHMARKS.md, branch cold2). A pipe, a socket or a regular file is read and written here through its
// descriptor, synchronously, as Node itself writes to pipes and files on Linux. Anything else (a
// terminal, /dev/null) and any error of a descriptor (EAGAIN on a non-blocking pipe,
// EPIPE once the reader has gone) hands over to the process's stream, which then does what it
// always did (bin/dignify.js handles its EPIPE).
import { fstatSync, readSync, writeSync } from 'node:fs';

/**
 * Whether descriptor `fd` is a pipe, a socket (what Node's and libuv's child processes get for
 * 'pipe') or a regular file: never a terminal. False when it cannot be told.
 */
function pipeOrFile(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFIFO() || info.isSocket() || info.isFile();
  } catch {
    return false;
  }
}

/** An output of the process as the CLI writes to it (a stream's `write`, `isTTY`, `destroyed`). */
export interface StdOutput {
  write(s: string): boolean;
  readonly isTTY?: boolean;
  /** True once the stream is destroyed (bin/dignify.js destroys standard output when its reader has gone). */
  readonly destroyed: boolean;
}

/**
 * Standard output (`fd` 1) or error (2): the process's stream, unless the descriptor is a pipe or a
 * file; then the text is written through the descriptor until a write fails, and the rest (and all
 * later text) through the stream, created only then. `write` never throws for a descriptor error.
 */
export function stdOutput(fd: 1 | 2): StdOutput {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (!pipeOrFile(fd)) return stream();
  let direct = true;
  return {
    write(s: string): boolean {
      if (!direct) return stream().write(s);
      const bytes = Buffer.from(s, 'utf8');
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
        return true;
      } catch {
        direct = false;
        return stream().write(bytes.subarray(done));
      }
    },
    isTTY: false, // a pipe or a file
    get destroyed(): boolean {
      return !direct && stream().destroyed;
    },
  };
}

/** Standard input as the CLI reads it (sources.ts, files.ts readStdin): its chunks in order, `isTTY`, `destroy` to stop early. */
export type StdInput = NodeJS.ReadableStream & { isTTY?: boolean };

/** Bytes read from the descriptor at a time. */
const READ_BYTES = 64 * 1024;

/**
 * Standard input: the process's stream, unless descriptor 0 is a pipe or a file; then its chunks
 * are read through the descriptor, each synchronously when asked for, and a read error (EAGAIN: a
 * non-blocking pipe) hands the rest over to the stream. On that path only the async iterator,
 * `isTTY` (false) and `destroy` (stop reading) are provided, which is all the CLI's readers use.
 */
export function stdInput(): StdInput {
  if (!pipeOrFile(0)) return process.stdin;
  let stopped = false;
  async function* chunks(): AsyncGenerator<Buffer> {
    while (!stopped) {
      const chunk = Buffer.allocUnsafe(READ_BYTES);
      let n: number;
      try {
        n = readSync(0, chunk, 0, READ_BYTES, null);
      } catch {
        yield* process.stdin;
        return;
      }
      if (n === 0) return;
      yield chunk.subarray(0, n);
    }
  }
  const input = {
    isTTY: false,
    [Symbol.asyncIterator]: chunks,
    destroy(): void {
      stopped = true;
    },
  };
  return input as unknown as StdInput;
}
