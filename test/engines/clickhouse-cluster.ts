/**
 * Test fixture: a real 2-shard ClickHouse cluster on loopback, from Debian's `clickhouse-server` package (18.16).
 *
 * `startClickHouseCluster()` writes, for shard k = 1, 2, a config (listen 127.0.0.1 only, its own free tcp/http/
 * interserver ports, its own data directory under a fresh temp dir, a `remote_servers` cluster `csikit_2shards` of
 * both shards, no ZooKeeper) and a users.xml (user `default`, empty password, loopback networks only), starts
 * `clickhouse-server --config-file=...` as a child process, records its PID and waits until `SELECT 1` answers over
 * HTTP. `stop()` sends SIGTERM to exactly those PIDs, waits up to 15 s, then SIGKILL, and removes the temp dir.
 * Every other file and process on the machine is left alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian installs the server binary. */
export const CLICKHOUSE_SERVER_BIN = ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'].find((p) => existsSync(p)) ?? null;

/** Why ClickHouse tests are skipped on this machine, or null when they can run. */
export const clickhouseSkipReason: string | null = CLICKHOUSE_SERVER_BIN
  ? null
  : 'clickhouse-server binary is missing (Debian package clickhouse-server; CI installs it from .ci/apt-packages)';

export interface ShardInfo {
  pid: number;
  tcpPort: number;
  httpPort: number;
  url: string;
  dir: string;
}

export interface ClickHouseCluster {
  cluster: string;
  shards: ShardInfo[];
  /** Runs one statement on a shard over HTTP (POST body), returns the response text; throws on error. */
  query(sql: string, shard?: number, body?: string): Promise<string>;
  /** Stops both servers by PID and deletes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function configXml(k: number, dir: string, ports: { tcp: number; http: number; inter: number }, all: { tcp: number }[]): string {
  const shards = all.map((p) => `      <shard><replica><host>127.0.0.1</host><port>${p.tcp}</port></replica></shard>`).join('\n');
  return `<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${dir}/log/server.log</log>
    <errorlog>${dir}/log/server.err.log</errorlog>
    <size>10M</size>
    <count>1</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>${ports.tcp}</tcp_port>
  <http_port>${ports.http}</http_port>
  <interserver_http_port>${ports.inter}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <max_concurrent_queries>20</max_concurrent_queries>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <remote_servers>
    <csikit_2shards>
${shards}
    </csikit_2shards>
  </remote_servers>
  <macros><shard>${k}</shard></macros>
</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>2000000000</max_memory_usage>
      <load_balancing>random</load_balancing>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
`;

async function httpQuery(url: string, sql: string, body?: string): Promise<string> {
  const target = body === undefined ? url : `${url}/?query=${encodeURIComponent(sql)}`;
  const res = await fetch(target, { method: 'POST', body: body === undefined ? sql : body });
  const text = await res.text();
  if (!res.ok) throw new Error(`ClickHouse ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the two shards and waits (≤ 30 s) until both answer; tries once more with fresh ports if the first start
 * fails (a port taken between probing and binding). On any failure, whatever was started is stopped first.
 */
export async function startClickHouseCluster(): Promise<ClickHouseCluster> {
  try {
    return await startOnce();
  } catch {
    return startOnce();
  }
}

async function startOnce(): Promise<ClickHouseCluster> {
  if (!CLICKHOUSE_SERVER_BIN) throw new Error(clickhouseSkipReason ?? 'no clickhouse-server');
  const root = mkdtempSync(join(tmpdir(), 'csikit-ch-'));
  const ports: { tcp: number; http: number; inter: number }[] = [];
  const used = new Set<number>();
  const pick = async (): Promise<number> => {
    for (;;) {
      const p = await freePort();
      if (!used.has(p)) {
        used.add(p);
        return p;
      }
    }
  };
  for (let k = 0; k < 2; k++) ports.push({ tcp: await pick(), http: await pick(), inter: await pick() });
  const children: ChildProcess[] = [];
  const shards: ShardInfo[] = [];
  let stopped = false;

  // Last resort if the test process exits without afterAll (e.g. a crash): kill exactly our children.
  const onExit = (): void => {
    for (const c of children) if (c.pid !== undefined && c.exitCode === null && c.signalCode === null && alive(c.pid)) process.kill(c.pid, 'SIGKILL');
  };
  process.once('exit', onExit);
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    for (const c of children) if (c.pid !== undefined && alive(c.pid)) process.kill(c.pid, 'SIGTERM');
    const deadline = Date.now() + 15_000;
    for (const c of children) {
      while (c.pid !== undefined && c.exitCode === null && c.signalCode === null && alive(c.pid) && Date.now() < deadline) await sleep(50);
      if (c.pid !== undefined && c.exitCode === null && c.signalCode === null && alive(c.pid)) process.kill(c.pid, 'SIGKILL');
    }
    rmSync(root, { recursive: true, force: true });
  };

  try {
    for (let k = 1; k <= 2; k++) {
      const dir = join(root, `ch${k}`);
      for (const sub of ['log', 'data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, 'config.xml'), configXml(k, dir, ports[k - 1], ports));
      writeFileSync(join(dir, 'users.xml'), USERS_XML);
      const child = spawn(CLICKHOUSE_SERVER_BIN, [`--config-file=${join(dir, 'config.xml')}`], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: false,
      });
      child.stderr?.resume();
      children.push(child);
      if (child.pid === undefined) throw new Error('clickhouse-server did not start');
      shards.push({ pid: child.pid, tcpPort: ports[k - 1].tcp, httpPort: ports[k - 1].http, url: `http://127.0.0.1:${ports[k - 1].http}`, dir });
    }
    const deadline = Date.now() + 30_000;
    for (const s of shards) {
      for (;;) {
        try {
          if ((await httpQuery(s.url, 'SELECT 1')).trim() === '1') break;
        } catch {
          /* not up yet */
        }
        const child = children[shards.indexOf(s)];
        if (child.exitCode !== null || child.signalCode !== null) {
          const log = existsSync(join(s.dir, 'log/server.err.log')) ? readFileSync(join(s.dir, 'log/server.err.log'), 'utf8').slice(-2000) : '';
          throw new Error(`clickhouse-server exited early (code ${child.exitCode}): ${log}`);
        }
        if (Date.now() > deadline) throw new Error('clickhouse-server did not answer within 30 s');
        await sleep(100);
      }
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    cluster: 'csikit_2shards',
    shards,
    query: (sql, shard = 0, body) => httpQuery(shards[shard].url, sql, body),
    stop,
  };
}
