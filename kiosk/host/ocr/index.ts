export * from './image-preprocess';
export * from './id-card-text';
export * from './tesseract-engine';
export * from './id-card-ocr';
