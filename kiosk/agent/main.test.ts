/** One data root: the agent's token and key follow DATA_DIR, as the sync server's files do. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgentArgs } from './main';

const REPO = '/srv/pls';

describe('agent data directory', () => {
  it('is <repo>/data/agent without DATA_DIR', () => {
    expect(parseAgentArgs([], REPO, {}).dataDir).toBe(join(REPO, 'data', 'agent'));
  });

  it('follows DATA_DIR, absolute or relative to where the command was typed', () => {
    expect(parseAgentArgs([], REPO, { DATA_DIR: '/var/lib/pls' }).dataDir).toBe(
      '/var/lib/pls/agent',
    );
    expect(
      parseAgentArgs([], REPO, { DATA_DIR: 'kiosk-data', INIT_CWD: '/home/kiosk' }).dataDir,
    ).toBe('/home/kiosk/kiosk-data/agent');
  });

  it('is exactly --data-dir when given', () => {
    expect(
      parseAgentArgs(['--data-dir=/tmp/agent-x'], REPO, { DATA_DIR: '/var/lib/pls' }).dataDir,
    ).toBe('/tmp/agent-x');
  });

  it('reads the port and printers from the environment too', () => {
    const args = parseAgentArgs(['--simulate-reader'], REPO, {
      KIOSK_AGENT_PORT: '0',
      KIOSK_RECEIPT_PRINTER: 'RECEIPT',
    });
    expect(args).toMatchObject({ simulateReader: true, port: 0, receiptPrinter: 'RECEIPT' });
    expect(() => parseAgentArgs(['--port=70000'], REPO, {})).toThrow(/port/);
  });
});
