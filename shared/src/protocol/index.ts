export * from './sync-wire';
export * from './sync-errors';
export * from './enrollment';
export * from './kiosk-bridge/index';
export * from './snapshot';
export * from './heartbeat';
