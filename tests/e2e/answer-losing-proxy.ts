/**
 * A loopback proxy in front of the sandbox that can lose one answer: the request reaches the
 * sandbox, which does the write, and the service's socket is destroyed instead of answered
 * (RELIABILITY.md row 40, "HubSpot wrote it but the connection broke before the answer").
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AnswerLosingProxy {
  url: string;
  /**
   * The next request `matches` accepts whose upstream answer is a 2xx is answered with a reset
   * instead, after `meanwhile` (something that happens while the caller waits for the answer).
   */
  loseNextAnswer(matches: (method: string, path: string) => boolean, meanwhile?: () => Promise<void>): void;
  /** How many answers were lost so far. */
  lost(): number;
  close(): Promise<void>;
}

export function startAnswerLosingProxy(upstream: string): Promise<AnswerLosingProxy> {
  let armed: ((method: string, path: string) => boolean) | undefined;
  let meanwhile: (() => Promise<void>) | undefined;
  let lost = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
      const body = chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
      void fetch(`${upstream}${req.url ?? '/'}`, { method, headers, ...(body && { body }) }).then(async (response) => {
        const payload = Buffer.from(await response.arrayBuffer());
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (armed !== undefined && response.ok && armed(method, path)) {
          armed = undefined;
          await meanwhile?.().catch(() => undefined); // the test checks what it was meant to change
          lost += 1;
          req.socket.destroy();
          return;
        }
        const out: Record<string, string> = {};
        response.headers.forEach((value, name) => { if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection') out[name] = value; });
        res.writeHead(response.status, out).end(payload);
      }, () => req.socket.destroy());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      loseNextAnswer(matches, then) { armed = matches; meanwhile = then; },
      lost: () => lost,
      close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
    });
  }));
}
