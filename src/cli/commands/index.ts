// Every command of `baluchon`. An area adds its command here.
import type { CliCommand } from '../cli-command.ts';
import { scanCommand } from './scan.ts';

export const cliCommands: readonly CliCommand[] = [scanCommand];
