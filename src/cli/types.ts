/** One finding as the CLI prints it, writes it to --json and to the --report workbook. */
import type { Severity } from '../model/findings';

export interface CliFinding {
  file: string;
  sheet: string;
  cell: string;
  rule: string;
  severity: Severity;
  message: string;
}
