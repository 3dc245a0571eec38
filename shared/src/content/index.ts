/**
 * The content pack: authoring-source schemas, the pure build from sources to `content` and
 * `directory` documents, the pack rules, and the manifest. Node-only helpers (reading sources
 * from disk, the build CLI) live in ./node and are not exported here.
 */
export * from './article-numbers';
export * from './build-pack';
export * from './check-pack';
export * from './manifest';
export * from './source-schema';
export * from './verification';
