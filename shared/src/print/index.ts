export * from './labels';
export * from './print-date';
export * from './qr-svg';
export * from './spec';
export * from './print-css';
export * from './receipt';
export * from './legal-aid-form';
export * from './render';
