/** The WPS 表格 adapter: the same WorkbookPort over WPS's ET object model, and the WPS registration of the functions. */
export { createWpsWorkbookPort, type WpsPortOptions } from './workbook-port';
export { XL, wpsGlobal, etApplication, type EtApplication, type WpsGlobal } from './et';
