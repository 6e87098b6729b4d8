// `dignify serve`: a local service that answers LanguageTool's HTTP API, so LanguageTool's
// clients (its browser extension with a local server set, LTeX, office add-ins) show dignify's
// findings. Node's own http module with a two-route router: the API is two endpoints and form
// bodies, which needs no framework, and the command stays dependency-free and quick to start.
// Bound to 127.0.0.1 unless told otherwise; note text is never logged.
import { createServer, type IncomingMessage, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { preloadLint } from '../lint/lint-document.js';
import { lintResolved } from '../lint/lint-text.js';
import type { ResolvedOptions } from '../match/match.js';
import { resolveOptions } from '../lint/options.js';
import { builtinRules } from '../rules/builtin.js';
import type { CompiledRules } from '../rules/compile.js';
import { DEFAULT_PRESET, presetRules } from '../rules/presets.js';
import type { ResolvedConfig } from '../config/load.js';
import type { SeveritySetting } from '../types.js';
import { type AnnotatedText, checkResponse, LANGUAGES, optionsFrom, parseData, plainText, RequestError, resolveLanguage } from './languagetool.js';

export interface ServeOptions {
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Default 8081, LanguageTool's; 0 picks a free port. */
  port?: number;
  /** Sent as Access-Control-Allow-Origin on every answer, as LanguageTool's --allow-origin does; none by default. */
  allowOrigin?: string;
  /** The largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Time to receive a whole request, in ms (default 10,000); slower ones get 408. */
  requestTimeoutMs?: number;
  /** What `software` says in each answer. */
  version?: string;
  buildDate?: string;
  /** Where the service reports (never note text). Default: nowhere. */
  log?: (line: string) => void;
  /**
   * A resolved config (ConfigSet.forFolder: `dignify serve` reads its folder's) whose rules, own
   * rules (extends), severities, preset, allow-list and quote handling every request gets; a
   * request's rule parameters apply on top of them. Default: none, the built-in rules as they are.
   */
  config?: ResolvedConfig;
}

export const DEFAULT_PORT = 8081;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface RunningServer {
  server: Server;
  /** http://host:port (the API is under /v2). */
  url: string;
  port: number;
  /**
   * Stops accepting connections, lets the requests in flight finish and their answers be sent
   * whole, answers 503 to a request that begins after, then resolves: at most `graceMs` (default
   * SHUTDOWN_GRACE_MS) after it was called, when the connections still open are cut.
   */
  close(graceMs?: number): Promise<void>;
  /**
   * Puts a config (as ServeOptions.config; none: the built-in rules as they are) in place of the
   * one in use, for the requests that arrive from then on (`dignify serve` on SIGHUP): each
   * request is checked synchronously, so none sees half of each.
   */
  reconfigure(config?: ResolvedConfig): void;
}

/**
 * The longest `dignify serve` waits, on SIGTERM or Ctrl+C, for answers in flight before it cuts
 * them: enough to check and send a text at the 1 MiB limit on a busy machine, and a stalled
 * client (which Node no longer times out once the server is closing) cannot hold the exit longer.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Room in a request body for the parameters other than the text (language, rule lists). */
const OTHER_PARAMETERS_BYTES = 8 * 1024;

/**
 * What GET /v2/maxtextlength answers: LanguageTool's value is a number of characters (UTF-16 code
 * units), and it said the body limit in bytes, which a client sending that many characters would
 * exceed. The count that always fits: a code unit takes at most 9 bytes in a form body (U+0800 to
 * U+FFFF: 3 bytes of UTF-8, each percent-encoded), less in JSON (\uXXXX), after room for the other
 * parameters.
 */
export function maxTextLength(maxBodyBytes: number): number {
  return Math.max(0, Math.floor((maxBodyBytes - OTHER_PARAMETERS_BYTES) / 9));
}

/**
 * Runs `then` once the event loop has polled the sockets again, so that what clients had sent
 * meanwhile has been read: Node counts a keep-alive connection whose next request waits unread in
 * the kernel as idle, and closing it then resets that request. Two setImmediates: a call from the
 * poll phase (a signal, a socket's data) has its check phase before the next poll, and the loop
 * polls between the two without waiting.
 */
function afterPoll(then: () => void): void {
  setImmediate(() => setImmediate(then));
}

/** The rules a request may enable and the options it starts from, for a config (none: the built-in rules as they are). */
function configured(config: ResolvedConfig | undefined): { rules: CompiledRules; defaults: ResolvedOptions } {
  return { rules: config?.ruleSet ?? builtinRules(), defaults: config?.options ?? resolveOptions() };
}

/** What a request over the body limit (`limit` bytes) is answered, with 413. */
const overLimit = (limit: number) => `Your text exceeds this server's limit of ${limit} bytes per request`;

/** Reads the body whole; past the limit it keeps reading (and dropping) so the 413 reaches the client. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new RequestError(413, overLimit(limit))) : resolve(Buffer.concat(chunks))));
    // The client went away before sending the whole body (Node reports it as an error, or only
    // closes): nothing to answer, but settle the request, and it is not the service's error.
    const cutOff = () => reject(new RequestError(400, 'The request was cut off before its end'));
    req.on('error', cutOff);
    req.on('close', () => {
      if (!req.complete) cutOff();
    });
  });
}

/** The request's parameters: the body (form-urlencoded, or a JSON object), then the query string, as LanguageTool merges them. */
function parameters(req: IncomingMessage, body: Buffer, url: URL): { params: URLSearchParams; data?: unknown } {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new RequestError(400, 'The request body is not valid UTF-8');
  }
  const params = new URLSearchParams();
  let data: unknown;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // A JSON body is ours (LanguageTool reads only forms); a client that labels a form as JSON still gets it read as a form.
  if (type === 'application/json' && /^\s*[[{]/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RequestError(400, 'The request body is not valid JSON');
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json))
      throw new RequestError(400, 'A JSON request body must be an object, e.g. {"text": "...", "language": "en-US"}');
    for (const [key, value] of Object.entries(json)) {
      if (key === 'data' && value !== null && typeof value === 'object') data = value;
      // The note itself is a string: 123 or true was linted as "123" or "true" where null was refused.
      else if (typeof value === 'string' || (key !== 'text' && (typeof value === 'number' || typeof value === 'boolean'))) params.set(key, String(value));
      else throw new RequestError(400, `'${key}' must be a string`);
    }
  } else {
    // LanguageTool reads every body as a form, whatever its Content-Type says.
    for (const [key, value] of new URLSearchParams(text)) params.set(key, value);
  }
  for (const [key, value] of url.searchParams) params.set(key, value);
  if (data !== undefined && !params.has('data')) return { params, data };
  return { params };
}

function send(res: ServerResponse, status: number, body: string, type: string, allowOrigin?: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  // Answers hold note text: no cache may keep them.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (allowOrigin) res.setHeader('Access-Control-Allow-Origin', allowOrigin);
  // Ended only once the body is handed to the kernel: server.close() closes every connection Node
  // counts idle, and one whose answer has ended but is still being written counts (its `finished`
  // is set at end()), which cut an 11 MB answer off at 4 MB on SIGTERM (newcomer trial).
  res.write(body, () => res.end());
}

/**
 * The service's options (its config's, or the defaults) with a request's rule settings on top: a
 * request's setting of a rule id wins over the config's (LanguageTool's order: the request's
 * parameters come last), and the preset is narrowed again, so a rule the request enables by id
 * runs under any preset, as in a config (presetRules caches each narrowed set).
 */
function withRequest(defaults: ResolvedOptions, rules: CompiledRules, requested: Record<string, SeveritySetting>): ResolvedOptions {
  const severities = { ...defaults.severities, ...requested };
  return { ...defaults, severities, rules: presetRules(rules, defaults.preset ?? DEFAULT_PRESET, severities) };
}

/** Starts the service; resolves once it listens. Rejects with the listen error (EADDRINUSE, EACCES, …). */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? (() => {});
  const software = { version: options.version ?? '0.0.0', buildDate: options.buildDate ?? '' };
  // Every rule, the config's own too, before the preset narrows them: a request may enable any.
  // Replaced whole by reconfigure().
  let { rules, defaults } = configured(options.config);
  // Everything lint loads on first use, loaded now: each request then lints synchronously.
  await preloadLint();

  let closing = false;
  const answer = (res: ServerResponse, status: number, body: string, type: string) => {
    // Closing (close() below): the connection is closed once this answer is sent, by Node.
    if (closing) res.setHeader('Connection', 'close');
    send(res, status, body, type, options.allowOrigin);
  };
  const json = (res: ServerResponse, value: unknown) => answer(res, 200, JSON.stringify(value), 'application/json; charset=utf-8');
  const textAnswer = (res: ServerResponse, body: string) => answer(res, 200, body, 'text/plain; charset=utf-8');
  const fail = (res: ServerResponse, status: number, message: string) => {
    if (status === 413) res.setHeader('Connection', 'close');
    answer(res, status, `Error: ${message}`, 'text/plain; charset=utf-8');
  };

  async function check(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req, limit) : Buffer.alloc(0);
    const { params, data } = parameters(req, body, url);
    let at: AnnotatedText;
    const text = params.get('text');
    if (text !== null && (params.has('data') || data !== undefined)) throw new RequestError(400, "Set only 'text' or 'data' parameter, not both");
    if (text !== null) at = plainText(text);
    else if (params.has('data') || data !== undefined) at = parseData(data ?? params.get('data'));
    else throw new RequestError(400, "Missing 'text' or 'data' parameter");
    const language = resolveLanguage(params.get('language') ?? undefined, params.get('preferredVariants') ?? undefined);
    const requested = optionsFrom(params, rules, defaults.severities);
    const resolved = requested ? withRequest(defaults, rules, requested.rules ?? {}) : defaults;
    json(res, checkResponse(at, lintResolved(at.plain, resolved), language, software));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname.replace(/\/+$/, '');
    const allow = (methods: string[]) => {
      if (methods.includes(req.method ?? '')) return true;
      res.setHeader('Allow', methods.join(', '));
      req.resume();
      fail(res, 405, `${route} takes ${methods.join(' or ')}`);
      return false;
    };
    switch (route) {
      case '/v2/check':
        if (allow(['GET', 'POST'])) await check(req, res, url);
        return;
      case '/v2/languages':
        if (allow(['GET'])) json(res, LANGUAGES);
        return;
      case '/v2/healthcheck':
        if (allow(['GET'])) textAnswer(res, 'OK');
        return;
      case '/v2/maxtextlength':
        if (allow(['GET'])) textAnswer(res, String(maxTextLength(limit)));
        return;
      default:
        req.resume();
        throw new RequestError(404, `Unsupported action: '${route}'. This is dignify's LanguageTool-compatible API: POST /v2/check, GET /v2/languages`);
    }
  }

  // The timeouts, Node's own: a request's headers must arrive within headersTimeout (5 s) and the
  // whole request within requestTimeout (10 s), counted from its first byte, or from the connection
  // for its first request; an idle keep-alive connection is closed after keepAliveTimeout (5 s).
  // They are there for clients that stall (half a body, then nothing), which would otherwise hold
  // a connection for ever. Node checks them every connectionsCheckingInterval (default 30 s): a
  // request that stalled was closed after 25-30 s where the README promises 10 (newcomer trial).
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const headersTimeout = Math.min(5_000, requestTimeout);
  const timeouts = {
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: Math.min(1_000, requestTimeout),
  };
  // The request each connection is on (the last whose headers arrived), for the second look below.
  const current = new WeakMap<Socket, IncomingMessage>();
  const server = createServer(timeouts, (req, res) => {
    current.set(req.socket, req);
    // Closing: an answer whose head went out before close() (keep-alive) leaves its connection
    // idle once sent; it is closed then, not kept until keepAliveTimeout: after a poll (afterPoll),
    // or the idle connections closed would include one whose next request was waiting unread.
    res.on('close', () => {
      if (closing) afterPoll(() => server.closeIdleConnections());
    });
    // A request that begins once the service is closing is refused: it came on a connection
    // accepted before the listener closed (while a long lint held the process, the signal
    // waited too, and a connection opened after it was still served, newcomer trial).
    if (closing) {
      req.resume();
      fail(res, 503, 'The server is shutting down');
      return;
    }
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof RequestError) fail(res, error.status, error.message);
      else {
        // The error's message could quote the request; only its kind and the route are logged.
        log(
          `dignify serve: internal error (${error instanceof Error ? error.name : typeof error}) answering ${req.method} ${new URL(req.url ?? '/', 'http://localhost').pathname}`,
        );
        fail(res, 500, 'Internal error while checking the text');
      }
    });
  });

  /** An answer before any request reached the handler, on the raw connection, which it then closes. */
  const refuse = (socket: Socket, status: 400 | 408 | 431, message: string) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = `Error: ${message}`;
    const cors = options.allowOrigin ? `Access-Control-Allow-Origin: ${options.allowOrigin}\r\n` : '';
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${cors}\r\n${body}`,
    );
  };

  // Node's timeouts count time on the clock, the time this process spent linting other requests
  // included: a request sent whole while the service was busy waits unread in the kernel, and
  // Node's check (a timer, and timers run before the poll that reads sockets) then finds it
  // late. Under load (12 requests of 950 KB on 2 cores) two complete requests got 400 this way
  // after 23 s. So a timeout is looked at again once the data waiting has been read (setImmediate
  // runs after the poll): a client that had sent more is not stalled, the service was, and its
  // request goes on, watched from then on by the same look every requestTimeout; a client that
  // sent nothing more gets 408.
  const secondLook = (socket: Socket) => {
    const seen = socket.bytesRead;
    const before = current.get(socket);
    const previous = before?.complete ? before : undefined; // a request already received, not this one
    setImmediate(() => {
      if (socket.destroyed) return;
      if (socket.bytesRead === seen) {
        refuse(socket, 408, `The request did not arrive in time (its headers within ${headersTimeout / 1000} s, all of it within ${requestTimeout / 1000} s)`);
        return;
      }
      const again = setTimeout(() => {
        const req = current.get(socket);
        // Received whole: done (Node watches the connection's next request itself).
        if (req !== undefined && req !== previous && req.complete) return;
        secondLook(socket);
      }, requestTimeout);
      again.unref();
      socket.once('close', () => clearTimeout(again));
    });
  };
  // What Node reports before a request reaches the handler: a request that timed out gets 408
  // (after the second look), a malformed one 400, each with a body in LanguageTool's form
  // ("Error: ..."), as the handler's errors have.
  // (The socket is typed a Duplex for other transports; an http.Server's is a net.Socket.)
  // Headers over Node's limit (--max-http-header-size, 16 KiB by default) are most often a GET
  // /v2/check with the note in its URL: it was "not valid HTTP", which sent its author hunting
  // for a malformed request (developer's trial, newc3).
  // A client that asks before sending its body (Expect: 100-continue, as curl does for a large
  // one) and announces one over the limit gets the 413 at once, not a 100 Continue: the body was
  // sent, read and dropped first (14.6 MB for a 10 MB note; operator's trial). Within the limit
  // (or closing, or no Content-Length), Node's own answer: 100 Continue, then the request.
  server.on('checkContinue', (req, res) => {
    const length = Number(req.headers['content-length']);
    if (!closing && length > limit) fail(res, 413, overLimit(limit));
    else {
      res.writeContinue();
      server.emit('request', req, res);
    }
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') secondLook(socket as Socket);
    else if (error.code === 'HPE_HEADER_OVERFLOW')
      refuse(socket as Socket, 431, "The request's headers, its URL included, are too long: send the text in the body of a POST, not in the URL of a GET");
    else refuse(socket as Socket, 400, 'The request is not valid HTTP');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    port: address.port,
    url: `http://${shown}:${address.port}`,
    reconfigure: (config) => {
      ({ rules, defaults } = configured(config));
    },
    close: (graceMs = SHUTDOWN_GRACE_MS) =>
      new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        // Node's close() stops listening and closes the idle connections itself; those with a
        // request in flight stay until their answers are sent, and accepted ones with no request
        // yet until they send one (answered 503) or the grace runs out. Called once the event
        // loop has polled the sockets again: a keep-alive connection whose next request was
        // waiting unread in the kernel counted idle and was reset, where now that request is read
        // first, and answered 503 (12 keep-alive clients posting in a loop, SIGTERM: 5-6 reset on a
        // reused connection, 0-1 answered 503; now 1 reset, 6-7 answered 503; operator's trial).
        // A connection accepted meanwhile is answered 503 too.
        afterPoll(() =>
          server.close(() => {
            clearTimeout(force);
            resolve();
          }),
        );
      }),
  };
}
