import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STREAM_HEARTBEAT_SECONDS } from '@pls/shared/protocol';
import { REPOSITORY_ROOT } from '../config';
import { renderHaproxyConfig } from './haproxy-config';

const nodes = [
  { name: 'node-1', host: '127.0.0.1', port: 9001 },
  { name: 'node-2', host: '127.0.0.1', port: 9002 },
];

describe('renderHaproxyConfig', () => {
  it('balances by open connections, checks health and keeps streams past heartbeats', () => {
    const text = renderHaproxyConfig({ bindHost: '127.0.0.1', bindPort: 8080, nodes });
    expect(text).toContain('  bind 127.0.0.1:8080');
    expect(text).toContain('  server node-1 127.0.0.1:9001 check');
    expect(text).toContain('  server node-2 127.0.0.1:9002 check');
    expect(text).toContain('  balance leastconn');
    expect(text).toContain('  option httpchk GET /api/health');
    expect(text).toContain('on-marked-down shutdown-sessions');
    expect(text).toContain('  option forwardfor');
    const serverTimeout = /timeout server (\d+)s/.exec(text);
    expect(Number(serverTimeout?.[1])).toBeGreaterThan(STREAM_HEARTBEAT_SECONDS * 2);
    expect(text).toMatch(/timeout http-request 10s/);
  });

  it('refuses what would make a broken or injected configuration', () => {
    const bind = { bindHost: '127.0.0.1', bindPort: 8080 };
    expect(() => renderHaproxyConfig({ ...bind, nodes: [] })).toThrow(/at least one/);
    expect(() =>
      renderHaproxyConfig({ ...bind, nodes: [{ name: 'a b\nlisten x', host: 'h', port: 1 }] }),
    ).toThrow(/node name/);
    expect(() =>
      renderHaproxyConfig({ ...bind, nodes: [nodes[0]!, { ...nodes[1]!, name: 'node-1' }] }),
    ).toThrow(/unique/);
    expect(() =>
      renderHaproxyConfig({ ...bind, nodes: [{ name: 'n', host: '127.0.0.1', port: 70000 }] }),
    ).toThrow(/port/);
    expect(() => renderHaproxyConfig({ ...bind, bindHost: '0.0.0.0 ssl', nodes })).toThrow(
      /bind host/,
    );
  });
});

describe('the example configuration in sync-server/deploy', () => {
  it('is what the renderer makes today (regenerate it when the renderer changes)', () => {
    const example = readFileSync(
      join(REPOSITORY_ROOT, 'sync-server', 'deploy', 'haproxy.cfg.example'),
      'utf8',
    );
    const rendered = renderHaproxyConfig({
      bindHost: '0.0.0.0',
      bindPort: 80,
      maxConnections: 20_000,
      nodes: [1, 2, 3].map((n) => ({ name: `node-${n}`, host: `10.0.1.1${n}`, port: 8787 })),
    });
    expect(
      example
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n'),
    ).toBe(rendered);
  });
});
