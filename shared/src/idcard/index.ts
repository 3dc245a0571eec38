/**
 * Chinese resident ID card (SAM) readers: frame codec, HID envelopes, card text decoder,
 * reader state machine and a simulator. Pure: no Node, no I/O; transports live in the hosts.
 */
export * from './types';
export * from './sam-status';
export * from './sam-commands';
export * from './frame-codec';
export * from './hid-envelope';
export * from './ucs2';
export * from './card-layouts';
export * from './card-text';
export * from './read-response';
export * from './decode-capture';
export * from './sam-id';
export * from './card-builder';
export * from './sam-simulator';
export * from './sam-channel';
export * from './clock';
export * from './sam-reader';
export * from './card-json';
export * from './reader-messages';
