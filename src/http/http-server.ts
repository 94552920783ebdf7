/** Starts and drains the HTTP server (RELIABILITY.md row 6 and §2.4 graceful drain). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

export interface HttpServerOptions {
  port: number;
  host: string;
  /** A request whose body has not arrived by then gets 408 (slowloris); Node's default is 300 s. */
  requestTimeoutMs?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then drops what is left. */
  close(graceMs: number): Promise<void>;
}

export async function startHttpServer(app: RequestListener, options: HttpServerOptions): Promise<RunningServer> {
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  let closing = false;
  // While draining, every answer tells keep-alive clients to go (`Connection: close`): a busy
  // connection would otherwise keep sending requests until the grace period runs out.
  const listener: RequestListener = (req, res) => {
    if (closing) res.setHeader('connection', 'close');
    app(req, res);
  };
  const server = createServer({ requestTimeout, headersTimeout: Math.min(requestTimeout, 10_000), connectionsCheckingInterval: Math.min(1000, requestTimeout) }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => { server.off('error', reject); resolve(); });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => { clearTimeout(force); resolve(); });
        server.closeIdleConnections();
      }),
  };
}
