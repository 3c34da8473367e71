/**
 * Errors of the custom functions. Inside the add-in, bad input becomes Excel's
 * `#VALUE!` (or `#N/A`) carrying a Chinese message, built with
 * `new CustomFunctions.Error(code, message)`. Outside Excel (Node tests, the CLI,
 * a plain browser) `CustomFunctions` does not exist, so the error value is built by
 * an injectable factory; the default falls back to a plain {@link ExcelError}.
 */

/** The CustomFunctions.ErrorCode members we use (the only two that carry a custom message). */
export type ErrorCodeName = 'invalidValue' | 'notAvailable';

/** Cell text of each code, as Excel shows it. */
export const ERROR_TEXT: Record<ErrorCodeName, string> = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
};

/**
 * Raised by function bodies and the argument coercion for input the function cannot
 * use; the runner turns it into the error value. Its message is what the clerk reads.
 */
export class FunctionInputError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCodeName = 'invalidValue',
  ) {
    super(message);
    this.name = 'FunctionInputError';
  }
}

/** The error value outside Excel: same shape as CustomFunctions.Error (`code` is the cell text). */
export class ExcelError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export type ErrorFactory = (code: ErrorCodeName, message: string) => unknown;

/**
 * The parts of the runtime's CustomFunctions object we use. office.js defines
 * `associate` as soon as it loads; `Error` and `ErrorCode` arrive with the host script
 * it loads afterwards, so each member is checked when it is needed.
 */
export interface CustomFunctionsGlobal {
  associate?: (id: string, fn: unknown) => void;
  Error?: new (code: unknown, message?: string) => unknown;
  ErrorCode?: Record<string, unknown>;
}

/** The runtime's CustomFunctions object inside Excel; undefined in Node and plain browsers. */
export function customFunctionsGlobal(): CustomFunctionsGlobal | undefined {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  return cf && typeof cf === 'object' ? cf : undefined;
}

const defaultFactory: ErrorFactory = (code, message) => {
  const cf = customFunctionsGlobal();
  if (cf && typeof cf.Error === 'function' && cf.ErrorCode && cf.ErrorCode[code] !== undefined) return new cf.Error(cf.ErrorCode[code], message);
  return new ExcelError(ERROR_TEXT[code], message);
};

let factory: ErrorFactory = defaultFactory;

/** Replaces the error factory (tests); call without an argument to restore the default. */
export function setErrorFactory(f?: ErrorFactory): void {
  factory = f ?? defaultFactory;
}

/** Builds the error value Excel shows for `code` with `message`. */
export function makeError(code: ErrorCodeName, message: string): unknown {
  return factory(code, message);
}
