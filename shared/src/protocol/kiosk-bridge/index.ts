/**
 * The kiosk bridge (`window.kiosk`): what the renderer may ask of its host. One method table
 * serves both hosts, the Electron main process (IPC) and the device agent (WebSocket JSON-RPC on
 * loopback), so the renderer cannot tell them apart and a method added to a namespace must be
 * handled by both (`KioskHandlers` makes that a type error otherwise).
 *
 * Rules: every method takes one input object and resolves with a plain serializable value;
 * known failures (no paper, unreadable image) are `Result`s; a host that cannot answer is
 * `HostUnavailable`; a bad argument or an unknown method is a bug in the caller and rejects the
 * promise. Reader events are pushed, never polled. Inputs are parsed by the host, answers and
 * events by the renderer, all with schemas (docs/decisions/0003-host-composition-and-results.md).
 */
export * from './common';
export * from './reader';
export * from './ocr';
export * from './print';
export * from './secrets';
export * from './host-info';
export * from './simulator';
export * from './methods';
export * from './dispatch';
export * from './renderer-bridge';
export * from './agent-wire';
