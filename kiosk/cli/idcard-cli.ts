/**
 * Entry of `npm run idcard -- <list|read|decode|ocr>`; the commands live in
 * kiosk/cli/idcard-command.ts (usage there and with `--help`).
 */
import { runIdCardCommand } from './idcard-command';

process.exitCode = await runIdCardCommand(process.argv.slice(2));
