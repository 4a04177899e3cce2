export type { ReadRuntimeImageOptions } from './runtime-image.js';
export { readRuntimeImage, writeRuntimeImage, RUNTIME_IMAGE_MAGIC, RUNTIME_IMAGE_MAJOR, RUNTIME_IMAGE_MINOR } from './runtime-image.js';
export { RuntimeImageError } from './runtime-image-error.js';
