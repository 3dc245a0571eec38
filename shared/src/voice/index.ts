export * from './manifest';
export * from './coverage';
export * from './speech';
export * from './voice-guide';
export * from './browser';
export * from './voice-context';
