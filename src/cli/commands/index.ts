// Every command of `baluchon`. An area adds its command here.
import type { CliCommand } from '../cli-command.ts';
import { connectCommand } from './connect.ts';
import { forgetCommand } from './forget.ts';
import { hostsCommand } from './hosts.ts';
import { migrateCommand } from './migrate.ts';
import { scanCommand } from './scan.ts';
import { sheetCommand } from './sheet.ts';
import { undoCommand } from './undo.ts';
import { webCommand } from './web.ts';

export const cliCommands: readonly CliCommand[] = [
  scanCommand,
  hostsCommand,
  connectCommand,
  migrateCommand,
  undoCommand,
  sheetCommand,
  forgetCommand,
  webCommand,
];
