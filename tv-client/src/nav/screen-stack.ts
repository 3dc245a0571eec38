/**
 * Where the viewer is: a stack of screens. Back always goes up one level; at home it does
 * nothing (no "exit?" question, nothing lost). Yellow goes home from anywhere.
 */
import type { CaseCategory } from '@pls/shared/domain';

export type Screen =
  | { readonly id: 'home' }
  | { readonly id: 'watch' }
  | { readonly id: 'reader'; readonly contentId: string }
  | { readonly id: 'player'; readonly contentId: string }
  | { readonly id: 'ask' }
  | { readonly id: 'askForm'; readonly category?: CaseCategory; readonly relatedContentId?: string }
  | { readonly id: 'faq' }
  | { readonly id: 'search' }
  | { readonly id: 'myQuestions' }
  | { readonly id: 'choose' }
  | { readonly id: 'eligibility' }
  | { readonly id: 'stations' }
  | { readonly id: 'help' }
  | { readonly id: 'technician' };

export type ScreenId = Screen['id'];

export type Stack = readonly [Screen, ...Screen[]];

export const HOME_STACK: Stack = [{ id: 'home' }];

export function push(stack: Stack, screen: Screen): Stack {
  return [...stack, screen];
}

export function back(stack: Stack): Stack {
  return stack.length > 1 ? (stack.slice(0, -1) as unknown as Stack) : stack;
}

export function current(stack: Stack): Screen {
  return stack[stack.length - 1]!;
}

/** The focus-memory name of a screen: one per screen, and per item for item screens. */
export function memoryName(screen: Screen): string {
  return 'contentId' in screen ? `${screen.id}:${screen.contentId}` : screen.id;
}
