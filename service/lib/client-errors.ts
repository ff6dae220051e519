import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_STATUS, type ErrorCode } from '#shared/error-codes.js';
import { errorText } from '#shared/errors.js';

/** Node's code for a request whose line and headers pass its limit (16 KB by default). */
const HEADERS_TOO_LARGE = 'HPE_HEADER_OVERFLOW';

/**
 * Answers requests Node could not read — a request line and headers over 16 KB, a request that arrived
 * too slowly, bytes that are not HTTP — with the service's error body (a stable code and a sentence) instead
 * of Node's bare status line. These never reach Koa: there is no request to route, nor a language to read,
 * so the sentence is the English default. A connection already gone is only closed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: never write a status line into a response already under way on this
    // connection (its ServerResponse is the socket's _httpMessage), nor to a connection already gone.
    const responseStarted = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (error.code === 'ECONNRESET' || !socket.writable || responseStarted) {
      socket.destroy();
      return;
    }
    const code: ErrorCode = error.code === HEADERS_TOO_LARGE ? 'request_headers_too_large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'malformed_request';
    const status = ERROR_STATUS[code];
    const body = JSON.stringify({ error: { code, message: errorText(code).en } });
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
