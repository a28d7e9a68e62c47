// Run a rate-limiting stand-in in its own process (`node bench/stand-ins/serve.ts slack|discord`), as the
// real platform would be: the bench's client and the stand-in do not share one event loop. Prints
// {"url": ...} once listening; GET on the stats port answers what it accepted and refused, and its CPU time.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRateLimitedDiscord } from './discord-rate-limited.ts';
import { startRateLimitedSlack } from './slack-rate-limited.ts';

const kind = process.argv[2];
if (kind !== 'slack' && kind !== 'discord') {
  console.error('usage: serve.ts slack|discord');
  process.exit(2);
}
const standIn = kind === 'slack' ? await startRateLimitedSlack() : await startRateLimitedDiscord();
const stats = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  // Its CPU time too: on a shared machine the stand-in's work competes with the client's for the cores.
  const cpu = process.cpuUsage();
  res.end(JSON.stringify({ accepted: standIn.accepted, rejected: standIn.rejected, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
});
stats.listen(0, '127.0.0.1', () => {
  const url = 'apiUrl' in standIn ? standIn.apiUrl : standIn.api;
  console.log(JSON.stringify({ url, stats: `http://127.0.0.1:${(stats.address() as AddressInfo).port}/` }));
});
process.on('SIGTERM', () => {
  void standIn.close().then(() => process.exit(0));
});
