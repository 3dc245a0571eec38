/** Keys that `scripts/make-programs.ts` reads from the locale files to draw the sample slides. */
export const SLIDE_TEXT_KEYS = ['tv:player.sampleSlide', 'tv:player.noMongolianRecording'] as const;
