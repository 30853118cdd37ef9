import type { Server } from 'node:net';

/**
 * At most `max` open connections per remote address, counted on the
 * server's 'connection' event: one more is closed at once, before a byte is
 * read. The map holds only addresses with an open connection.
 */
export function limitConnectionsPerAddress(server: Server, max: number): { open: (address: string) => number } {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) return void socket.destroy();
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return { open: (address) => open.get(address) ?? 0 };
}
