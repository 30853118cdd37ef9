import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { writeRawProblem } from './problem-answer';

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/** How a request Node could not take is answered: status and a detail that names the rule, never the request. */
export function clientErrorAnswer(error: ClientError): { status: number; detail: string } {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, detail: 'The request did not arrive in time' };
    case 'HPE_HEADER_OVERFLOW': {
      // The request line alone over the limit (no end of line in what was read): the URL is too long.
      const packet = error.rawPacket;
      const lineEnd = packet ? packet.indexOf('\r\n') : -1;
      return lineEnd === -1 || lineEnd > 8 * 1024
        ? { status: 414, detail: 'The URL is longer than this server takes (16 KB with the headers)' }
        : { status: 431, detail: 'The request headers are larger than this server takes (16 KB)' };
    }
    default:
      return { status: 400, detail: 'The request is not valid HTTP/1.1' };
  }
}

/**
 * Replaces the server's answer to a request it cannot parse (Node's bare
 * 400, Fastify's plain JSON) with problem+json and the security headers,
 * then closes the connection. Nothing is written when a response is already
 * under way on the socket, or the peer is gone.
 */
export function answerClientErrors(server: Server): void {
  server.removeAllListeners('clientError');
  server.on('clientError', (error: ClientError, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable || socket._httpMessage?.headersSent)
      return void socket.destroy();
    const { status, detail } = clientErrorAnswer(error);
    writeRawProblem(socket, status, detail);
  });
}
