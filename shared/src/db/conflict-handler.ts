/**
 * Conflict handling on the device. Device-written collections have one writer, this device,
 * so a conflict there only means the server holds a state this device pushed but never saw
 * acknowledged (the answer was lost, or the app restarted mid-push). The device's current
 * state is the newest: keep it, and RxDB pushes it again against the server's state. RxDB's
 * default (server wins) would silently drop the resident's last edit.
 * Center-written collections are pull-only: conflicts cannot arise there (default handler).
 */
import { defaultConflictHandler, type RxConflictHandler } from 'rxdb';

export const deviceWinsConflictHandler: RxConflictHandler<unknown> = {
  isEqual: defaultConflictHandler.isEqual,
  resolve: async (input) => input.newDocumentState,
};
