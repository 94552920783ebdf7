/**
 * Preloaded (`--import`) into a benchmarked server started with `--expose-gc` and an IPC channel:
 * on the message `memory` it collects garbage when asked and answers with `process.memoryUsage()`,
 * so the bench reads the server's own heap and RSS without touching the service's code.
 */
interface MemoryRequest {
  type: 'memory';
  gc: boolean;
}

process.on('message', (message: MemoryRequest) => {
  if (message?.type !== 'memory') return;
  const collect = (globalThis as { gc?: () => void }).gc;
  if (message.gc && collect) {
    collect();
    collect();
  }
  process.send?.({ type: 'memory', usage: process.memoryUsage() });
});
// The channel must not keep a server alive once it has been told to stop.
process.channel?.unref();
