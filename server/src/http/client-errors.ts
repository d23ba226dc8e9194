// Requests Node refuses before any handler runs — headers over its 16 KB limit, a malformed request
// line, a request that took too long to arrive — got a bare status line with no body. They get the
// API's error shape too, so a client reads every refusal the same way.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

type Refusal = [status: number, reason: string, code: string, message: string];

const refusalFor = (code: string | undefined): Refusal => {
  if (code === 'HPE_HEADER_OVERFLOW') return [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are larger than 16 KB'];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'Request Timeout', 'request_timeout', 'The request did not arrive in time'];
  return [400, 'Bad Request', 'bad_request', 'The request is not valid HTTP'];
};

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
    // A reset connection cannot be answered, nor one whose response has begun (Node's own rule).
    if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) return void socket.destroy();
    const [status, reason, code, message] = refusalFor(err.code);
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
