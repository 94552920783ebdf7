/**
 * Reads a request body with a hard cap, for the webhook route (RELIABILITY.md rows 3–5, T6).
 * body-parser stops buffering at its limit but then reads the rest of the stream to the end
 * before answering 413; a client streaming a chunked body forever would hold the connection.
 * Here the cap answers 413 at once and the connection is closed, so nothing past the cap is read.
 */
import type { NextFunction, Request, Response } from 'express';

/** Why a body was refused: the status to answer and a stable outcome name. */
export interface BodyRefusal {
  status: 413 | 415 | 400;
  outcome: 'entity.too.large' | 'encoding.unsupported' | 'request.aborted';
}

export interface CappedBodyOptions {
  limitBytes: number;
  /** Called once when a body is refused (the response is already being sent). */
  onRefused: (refusal: BodyRefusal, req: Request, res: Response) => void;
}

function refuse(req: Request, res: Response, refusal: BodyRefusal, options: CappedBodyOptions, closeConnection: boolean): void {
  if (closeConnection) {
    // Stop reading what the client keeps sending, and drop the connection once the answer is out.
    req.pause();
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.socket.destroy());
  }
  options.onRefused(refusal, req, res);
}

/**
 * Express middleware: sets `req.body` to the raw bytes (a Buffer) or answers 413/415/400.
 * Compressed bodies are refused (no inflation, so no gzip bomb); a declared `Content-Length`
 * over the cap is refused before a byte is read; a chunked body is refused the moment it crosses it.
 */
export function readCappedBody(options: CappedBodyOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') return refuse(req, res, { status: 415, outcome: 'encoding.unsupported' }, options, false);
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > options.limitBytes) {
      // Answered before a byte is read. Node then discards the declared body (bounded by the
      // request timeout) so the client can read the 413 rather than meet a reset mid-upload.
      return refuse(req, res, { status: 413, outcome: 'entity.too.large' }, options, false);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('error', onAborted);
    };
    const onData = (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > options.limitBytes) {
        settled = true;
        cleanup();
        chunks.length = 0;
        refuse(req, res, { status: 413, outcome: 'entity.too.large' }, options, true);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (settled) return;
      settled = true;
      cleanup();
      req.body = Buffer.concat(chunks, received);
      next();
    };
    const onAborted = () => {
      if (settled) return;
      settled = true;
      cleanup();
      chunks.length = 0;
      if (!res.headersSent && !res.destroyed) refuse(req, res, { status: 400, outcome: 'request.aborted' }, options, true);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('error', onAborted);
  };
}
