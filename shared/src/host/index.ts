/**
 * Generic host-side parts any device host reuses (the kiosk's Electron main and device agent
 * today, the TV host next): secret stores, and the loopback agent's token and data root. Node
 * only: never imported by a renderer.
 */
export * from './secure-storage/index';
export * from './agent-token';
export * from './data-root';
export * from './loopback-agent';
