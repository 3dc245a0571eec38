import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('reads the load balancers to trust and PGlite shared buffers', () => {
    const config = loadConfig({
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
      PGLITE_SHARED_BUFFERS: '64MB',
      DATA_DIR: '/var/lib/pls',
    });
    if (typeof config === 'string') throw new Error(config);
    expect(config.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(config.database).toEqual({
      kind: 'pglite',
      dataDir: '/var/lib/pls',
      sharedBuffers: '64MB',
    });
  });

  it('trusts no proxy by default', () => {
    const config = loadConfig({});
    if (typeof config === 'string') throw new Error(config);
    expect(config.trustProxy).toEqual([]);
    expect(config.streamsPerAddress).toBe(64);
  });

  it('lets many devices share an address when told to (carrier NAT)', () => {
    const config = loadConfig({ STREAMS_PER_ADDRESS: '20000' });
    if (typeof config === 'string') throw new Error(config);
    expect(config.streamsPerAddress).toBe(20_000);
    expect(loadConfig({ STREAMS_PER_ADDRESS: '0' })).toMatch(/STREAMS_PER_ADDRESS/);
  });

  it('says what is wrong with a bad setting', () => {
    expect(loadConfig({ TRUST_PROXY: 'balancer.local' })).toMatch(/TRUST_PROXY/);
    expect(loadConfig({ PGLITE_SHARED_BUFFERS: 'lots' })).toMatch(/PGLITE_SHARED_BUFFERS/);
  });
});
