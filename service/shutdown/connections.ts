import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** A request the server has not finished answering. */
export interface RequestInFlight {
  method: string;
  /** The path only: a query string may carry a signed address or a token, which logs must not hold. */
  path: string;
  /** How long ago it arrived. */
  ageMs: number;
}

/** What a shutdown needs to know about the server's connections; see trackConnections. */
export interface TrackedConnections {
  /** The requests being answered, oldest first. */
  requestsInFlight(): RequestInFlight[];
  /**
   * Closes the connections that carry no request and have carried none for `quietMs`; returns how many.
   * Node's closeIdleConnections() misses one kind: a connection that never sent a request at all (a
   * browser opens some ahead of need), which would hold server.close() until the shutdown deadline.
   */
  closeQuiet(quietMs: number): number;
}

/** Follows `server`'s connections and the requests on each, for a shutdown. */
export function trackConnections(server: Server): TrackedConnections {
  const sockets = new Map<Socket, { requests: number; quietSince: number }>();
  const requests = new Set<{ method: string; path: string; since: number }>();
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { requests: 0, quietSince: performance.now() });
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req, res) => {
    const entry = { method: req.method ?? '?', path: (req.url ?? '').split('?')[0]!, since: performance.now() };
    requests.add(entry);
    const socket = sockets.get(req.socket);
    if (socket) socket.requests += 1;
    res.once('close', () => {
      requests.delete(entry);
      if (socket) {
        socket.requests -= 1;
        socket.quietSince = performance.now();
      }
    });
  });
  return {
    requestsInFlight: () =>
      [...requests]
        .map((entry) => ({ method: entry.method, path: entry.path, ageMs: Math.round(performance.now() - entry.since) }))
        .sort((a, b) => b.ageMs - a.ageMs),
    closeQuiet(quietMs) {
      const now = performance.now();
      let closed = 0;
      for (const [socket, state] of sockets) {
        if (state.requests === 0 && now - state.quietSince >= quietMs) {
          socket.destroy();
          closed += 1;
        }
      }
      return closed;
    },
  };
}
