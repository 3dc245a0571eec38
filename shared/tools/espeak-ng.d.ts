/** The part of the espeak-ng (Emscripten) module the clip generator uses; it ships no types. */
declare module 'espeak-ng' {
  interface ESpeakModule {
    readonly FS: { readFile(path: string, options?: { encoding: 'utf8' }): Uint8Array | string };
  }
  export default function ESpeakNg(options: { arguments: string[] }): Promise<ESpeakModule>;
}
