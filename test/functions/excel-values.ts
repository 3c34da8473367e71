/**
 * Error cells as Excel hands them to a custom function once functions.json has
 * `allowErrorForDataTypeAny` (never the bare text '#N/A', which is what a *text* cell
 * holding "#N/A" would give).
 *
 * - `runtimeError`: what office-js's custom-functions-runtime.js passes for an error
 *   argument: the host sends `{ type: 'CustomFunctionError', code }` and
 *   `_transferCustomFunctionError` turns it into `new CustomFunctions.Error(code)`, an
 *   `Error` subclass with `code`/`basicValue` = the cell text, `type`/`basicType` = 'Error'
 *   and an empty message. Mirrored here field by field.
 * - `richError`: the rich-data JSON (`allowCustomDataForDataTypeAny`), `{ type: 'Error',
 *   primitive: code }`, as parsed by `_transferCustomFunctionRichData`.
 * - `cellValueError`: ExcelApi 1.16 `ErrorCellValue`, whose `basicValue` is optional
 *   (index.d.ts), so only `errorType` may be there.
 */
export class CustomFunctionError extends Error {
  readonly type = 'Error';
  readonly basicType = 'Error';
  readonly basicValue: string;
  constructor(readonly code: string) {
    super('');
    this.basicValue = code;
  }
}

export const runtimeError = (code: string): unknown => new CustomFunctionError(code);
export const richError = (code: string): unknown => ({ type: 'Error', primitive: code });
export const cellValueError = (errorType: string): unknown => ({ type: 'Error', basicType: 'Error', errorType });
