// Picks a TCP port on 127.0.0.1 that is free right now, for a server we are about to start.
//
// "Listen on port 0, close, hand the number over" is racy: between our close and the server's
// bind, another process (the other vitest worker, an outgoing connection) may take it. So the
// port is chosen at random *outside* the kernel's ephemeral range (which outgoing connections
// and `listen(0)` draw from), checked by binding it, and the caller retries with a new port
// when the server still fails to start (see launch-server.ts).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

const HOST = '127.0.0.1';

export async function pickFreePort(): Promise<number> {
  const [low, high] = await portRange();
  for (let tries = 0; tries < 50; tries++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canBind(port)) return port;
  }
  throw new Error(`No free TCP port found on ${HOST} between ${low} and ${high}.`);
}

/** Ports below the ephemeral range (Linux default 32768–60999), or above it if it starts low. */
async function portRange(): Promise<[number, number]> {
  let ephemeral: [number, number] = [32768, 60999];
  try {
    const text = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
    const [a, b] = text.trim().split(/\s+/).map(Number);
    if (a !== undefined && b !== undefined && Number.isInteger(a) && Number.isInteger(b)) {
      ephemeral = [a, b];
    }
  } catch {
    // Not Linux: keep the usual default.
  }
  if (ephemeral[0] - 1 - 10000 >= 1000) return [10000, ephemeral[0] - 1];
  if (65535 - (ephemeral[1] + 1) >= 1000) return [ephemeral[1] + 1, 65535];
  return [1024, 65535];
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => {
      resolve(false);
    });
    probe.listen({ port, host: HOST, exclusive: true }, () =>
      probe.close(() => {
        resolve(true);
      }),
    );
  });
}
