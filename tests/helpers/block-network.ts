/**
 * Loaded before every test file: nothing a test runs may reach beyond this machine.
 * nock guards `http`, `https` and native `fetch`; the socket guard catches everything else
 * (database drivers, raw sockets).
 */
import net from 'node:net';
import nock from 'nock';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

nock.disableNetConnect();
nock.enableNetConnect((host) => LOOPBACK.test(host.replace(/:\d+$/, '')));

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const options = typeof first === 'object' && first !== null ? (first as net.TcpNetConnectOpts) : undefined;
  const host = options ? options.host : typeof args[1] === 'string' ? args[1] : undefined;
  const isPipe = options !== undefined && 'path' in options;
  if (!isPipe && host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`tests may not connect beyond loopback (tried ${host})`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
