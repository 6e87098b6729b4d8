// `dignify serve`: starts the LanguageTool-compatible service and runs until SIGTERM or SIGINT
// (Ctrl+C), then stops accepting connections, lets requests in flight finish (at most
// SHUTDOWN_GRACE_MS, serve/server.ts), and returns 0.
import { ConfigSet } from '../config/index.js';
import { EXIT, type Io } from './io.js';
import { isUsageError } from './start.js';

export interface ServeCliOptions {
  port: number;
  host: string;
  allowOrigin?: string | true;
  maxBodyBytes?: number;
  /** --config <file>, or false for --no-config; by default the config of the folder it starts in. */
  config?: string | false;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

// Every line the service writes (to stderr) begins "dignify serve: ", its failures to start too,
// and none holds note text: requests are never logged, and an internal error is logged by its
// kind and route only (serve/server.ts). Usage errors (a bad --port) are the CLI's ("dignify: ").
// The config is read as the lint command reads standard input's: the nearest .dignifyrc from the
// folder it starts in (or --config's, or none with --no-config), once, before it listens; a bad
// one is lint's one-line error naming the file, exit 2, said with the service's prefix: it is a
// failure to start, which an operator finds in the journal by "dignify serve: " (it was
// "dignify: .dignifyrc: …", the one start failure without it; operator's trial, newc7).
export async function serve(options: ServeCliOptions, io: Io, version: string): Promise<number> {
  const note = (line: string) => io.stderr.write(`${line}\n`);
  const error = (message: string) => note(`dignify serve: ${message}`);
  // A new ConfigSet each time: it caches what it has read.
  const read = () => {
    const configs = new ConfigSet({ config: options.config, ignore: false, cwd: io.cwd });
    const config = configs.forFolder();
    return { config, shown: config.file ? configs.shown(config.file) : undefined };
  };
  let config: ReturnType<typeof read>['config'];
  let shown: string | undefined;
  try {
    ({ config, shown } = read());
  } catch (e) {
    // A ConfigError, or a RuleFileError from a house rule file the config extends.
    if (!isUsageError(e)) throw e;
    error(e.message);
    return EXIT.error;
  }
  // Loaded on use: the lint command never needs the HTTP server.
  const { startServer } = await import('../serve/server.js');
  const host = options.host.replace(/^\[(.*)\]$/, '$1');
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      host,
      port: options.port,
      allowOrigin: options.allowOrigin === true ? '*' : options.allowOrigin,
      maxBodyBytes: options.maxBodyBytes,
      version,
      log: note,
      config,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') error(`port ${options.port} on ${options.host} is in use (another LanguageTool server?): choose another with --port`);
    else if (code === 'EACCES') error(`not allowed to listen on port ${options.port}: choose one above 1023 with --port`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') error(`cannot listen on --host ${options.host}: no such address on this machine`);
    else error(`cannot start the service: ${(e as Error).message}`);
    return EXIT.error;
  }
  // SIGHUP reads the config again, as systemd's ExecReload (`kill -HUP $MAINPID`) and nginx have
  // it: Node's default for SIGHUP ended the service at once (exit 129, answers in flight cut, no
  // "stopped" line; operator's trial, newc7). A config that does not validate now is said, and
  // the one in use stays. Left in place while stopping, so a SIGHUP then does not cut the answers
  // in flight. Not on Windows, where SIGHUP is the console closing.
  const reload = () => {
    try {
      const fresh = read();
      running.reconfigure(fresh.config);
      note(
        fresh.shown
          ? `dignify serve: SIGHUP: config ${fresh.shown} read again: its rules, severities, preset (${fresh.config.options.preset}) and allow-list apply to every request from now`
          : 'dignify serve: SIGHUP: no config file now: the built-in rules as they are apply to every request from now',
      );
    } catch (e) {
      if (isUsageError(e)) note(`dignify serve: SIGHUP: ${e.message}; the config read before stays in use`);
      else note(`dignify serve: SIGHUP: the config could not be read (${e instanceof Error ? e.name : typeof e}); the config read before stays in use`);
    }
  };
  const hangup = process.platform !== 'win32';
  if (hangup) process.on('SIGHUP', reload);
  // The signal handlers go in before the "listening" line: whoever waits for it may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      note(`dignify serve: ${signal}: finishing the requests in flight, then stopping`);
      void running.close().then(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  if (!LOOPBACK.test(host)) {
    note(
      `dignify serve: warning: listening on ${options.host}, not only on this machine: anyone who can reach it can send text, and notes cross the network unencrypted (plain HTTP)`,
    );
  }
  if (shown) {
    note(`dignify serve: config ${shown}: its rules, severities, preset (${config.options.preset}) and allow-list apply to every request`);
  }
  note(`dignify serve: LanguageTool API at ${running.url}/v2 (POST /v2/check, GET /v2/languages); note text is never logged. Stop with Ctrl+C.`);
  await stopped;
  note('dignify serve: stopped');
  return EXIT.clean;
}
