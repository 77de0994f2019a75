/**
 * `npm run soak`: a steady load on the whole local stack, started here on loopback ports, for
 * `SOAK_MINUTES` (10) at `SOAK_RATE` requests a second (20). Each minute it prints the memory of
 * the process that runs every function (RSS; the functions are worker threads in it) and the
 * latency of that minute's requests. At most `SOAK_RATE` requests are in flight, so the load
 * itself holds nothing: what grows is what the stack keeps.
 */
import { startLocalStackOnFreePorts } from '../test/fixtures/local-stack';
import { percentile } from './percentile';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 20);

const stack = await startLocalStackOnFreePorts('soak');
try {
  const request = async (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) => {
    const reply = await fetch(`${stack.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: reply.status, json: (await reply.json().catch(() => null)) as any };
  };
  const { json: login } = await request('POST', '/_local/login', null, { email: 'soak@accord.test', role: 'admin', agencies: [] });
  await request('POST', '/agencies', login.token, { id: 'soak-fire', name: 'Soak Fire and Rescue', type: 'fire_and_rescue_authority' });

  let lastId: string | null = null;
  /** One request of the mix: mostly reads, with a create and an edit now and then. */
  const mix = [
    () => request('GET', '/agreements', login.token),
    () => request('GET', '/register.json', null),
    async () => {
      const created = await request('POST', '/agreements', login.token, { title: 'Soak', body: '# Terms\n\nShared estates.', parties: [{ agencyId: 'soak-fire' }] });
      lastId = created.json?.id ?? lastId;
      return created;
    },
    () => (lastId ? request('GET', `/agreements/${lastId}`, login.token) : request('GET', '/health', null)),
    () => (lastId ? request('PATCH', `/agreements/${lastId}`, login.token, { summary: 'Edited under load' }, { 'if-match': '*' }) : request('GET', '/health', null)),
  ];

  const rows: string[] = [];
  let sent = 0;
  let errors = 0;
  for (let minute = 1; minute <= MINUTES; minute += 1) {
    const latencies: number[] = [];
    const inFlight = new Set<Promise<void>>();
    const end = Date.now() + 60_000;
    for (let tick = 0; Date.now() < end; tick += 1) {
      const due = end - 60_000 + (tick * 1000) / RATE;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      if (inFlight.size >= RATE) await Promise.race(inFlight);
      const started = performance.now();
      const call = mix[sent % mix.length]!()
        .then((reply) => {
          latencies.push(performance.now() - started);
          if (reply.status >= 500) errors += 1;
        })
        .finally(() => inFlight.delete(call));
      inFlight.add(call);
      sent += 1;
    }
    await Promise.all(inFlight);
    const rss = process.memoryUsage().rss / 1024 / 1024;
    rows.push(`| ${minute} | ${latencies.length} | ${percentile(latencies, 50).toFixed(1)} ms | ${percentile(latencies, 99).toFixed(1)} ms | ${rss.toFixed(0)} MiB |`);
    console.error(rows.at(-1));
  }
  console.log(
    [
      `Soak: ${MINUTES} min at ${RATE} requests/s against the local stack (${sent} requests, ${errors} answered 5xx).`,
      '',
      '| minute | requests | p50 | p99 | RSS (every function) |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
} finally {
  await stack.stop();
}
