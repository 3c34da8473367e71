/** The Office.js adapter: the WorkbookPort the task pane uses, and its building blocks. */
export * from './port';
export { createWorkbookPort, type PortOptions } from './workbook-port';
export { OWNED_SHEET, KEY_FIGURES, FINDINGS_BLOCK, KPI_BLOCK, ACCEPTED_BLOCK } from './owned-sheet';
export { bindingName, staleBindings, type StaleBinding } from './bind';
export { uniqueSheetName, sanitizeSheetName, definedName } from './sheet-names';
export { charsToPoints, isRiskyText } from './cell-input';
export { WorkbookError } from './errors';
