/**
 * Entry of `npm run idcard -- <list|read|decode|ocr>`; the commands live in
 * kiosk/electron/services/idcard/idcard-command.ts (usage there and with `--help`).
 */
import { runIdCardCommand } from '../electron/services/idcard/idcard-command';

process.exitCode = await runIdCardCommand(process.argv.slice(2));
