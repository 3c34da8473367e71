/**
 * WorkbookPort: everything the task pane may do to the open workbook. React
 * components never call Excel; they receive a WorkbookPort (or its methods) as
 * props, so the UI runs against the test double in the browser harness.
 *
 * Sync budget (each `context.sync()` is a round trip, ~50–500 ms in Excel on the web):
 * - detect() / readSheets(): 3 syncs whatever the number of sheets — (1) sheet names and
 *   names, (2) the used-range size of every sheet, (3) values + number formats of every
 *   used range, capped per sheet so one stray cell at XFD1048576 cannot load a billion cells.
 * - bindings(), select(), getSelection(): 1 sync. bind(), unbind(): 2. readAcceptances(): 1–2.
 * - write-back (writeFindings / writeKeyFigures / writeKpiData / writeAcceptances): 2 syncs
 *   (one more per 40,000 cells beyond the first chunk, to stay under the 5 MB request limit).
 * - applyPlan(): 1 read + 1 per sheet (names and activation ride on the last) + 1 for the
 *   print settings (best effort) = N + 2.
 * - insertSheet(), writeBlock(): 2.
 *
 * Owned ranges: the add-in writes user-visible cells ONLY on new sheets it creates
 * (applyPlan, insertSheet), into a blank area the user picked (writeBlock), and on one
 * hidden sheet it owns, `_预算助手`, which holds one block per result in its own column
 * band (key figures A:B, BUDGET.FINDINGS D:G, KPI.DATA I:R, acceptances T:U). Each block
 * starts with a header row and is covered, header included, by a workbook-scoped name.
 * Re-running a write clears that block's previous extent (found through its name), writes
 * the new block and re-points the name; nothing else on any sheet is touched. Reading never
 * writes. Names the add-in owns: `BT.<kindName>` (bound tables), `BT.收入总计` … (key
 * figures, single cells), `BUDGET.FINDINGS`, `KPI.DATA`, `BUDGET.ACCEPTED`.
 */
import type { Feature } from './capabilities';
import type { DetectedTable } from '../../model/detect';
import type { SheetGrid } from '../../model/workbook';
import type { ListValidation, SheetPlan, StyleBlock, WorkbookPlan } from '../../model/plan';

export type { DetectedTable, SheetGrid, WorkbookPlan, SheetPlan };

/** The `Excel.run` entry point, injected so tests pass the double's `run`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface DetectResult {
  /** Every table found, in sheet order then top to bottom. */
  tables: DetectedTable[];
  /** The grids that were read (the add-in's own hidden sheet is skipped). */
  sheets: SheetGrid[];
  /** Current `BT.<kindName>` bindings → qualified address (`'收支总表'!A1:H30`), as bindings() gives. */
  bindings: Record<string, string>;
  /** Chinese notes for the user (e.g. a sheet whose used range was too large and was cut). */
  notes: string[];
}

/** Cells to write at a position: values from the block's top-left, styles/merges relative to it. */
export interface BlockPlan {
  values: (string | number | null)[][];
  /** Ranges relative to the block (A1 = the block's top-left cell). */
  styles?: StyleBlock[];
  merges?: string[];
  /** Drop-down lists, ranges relative to the block like styles (`A10:A21` = rows 10–21 of the block). */
  validations?: ListValidation[];
}

export interface ApplyPlanOptions {
  /** Called after each sheet is written: done sheets so far, total, the sheet's final name. */
  onProgress?(done: number, total: number, sheet: string): void;
  /** Aborting stops before the next sheet and undoes everything created so far. */
  signal?: AbortSignal;
  /** Activate the first created sheet at the end (default true). */
  activate?: boolean;
  /**
   * Whether this Excel has drop-down lists (ExcelApi 1.8) and print settings (1.9); what it
   * lacks is left out with a note in the result. Set by the port from isSetSupported.
   */
  can?: { dropdowns: boolean; print: boolean };
}

export interface ApplyPlanResult {
  /** Plan sheet key → the name the sheet got (`收支总表 (2)` when `收支总表` was taken). */
  created: { key: string; name: string }[];
  /** Names created or re-pointed. */
  names: string[];
  /**
   * Print settings Excel refused, features this Excel lacks (drop-downs, print settings):
   * the tables were created, only these need a hand. Absent from ports that never leave any.
   */
  notes?: string[];
}

export interface WorkbookPort {
  /** Reads all sheets' used ranges (3 syncs) and runs table detection on each. Never writes. */
  detect(): Promise<DetectResult>;
  /** Values + number formats of the named sheets (all user sheets when omitted). Never writes. */
  readSheets(names?: string[]): Promise<SheetGrid[]>;
  /** Creates or re-points the workbook-scoped name `BT.<kindName>` at `sheet!range`. */
  bind(kindName: string, sheet: string, range: string): Promise<void>;
  /** Deletes `BT.<kindName>` if present. */
  unbind(kindName: string): Promise<void>;
  /** `BT.<kindName>` → qualified address for bound tables (key-figure names excluded); `#REF!` when broken. */
  bindings(): Promise<Record<string, string>>;
  /** Replaces BUDGET.FINDINGS: rows of (规则, 级别, 位置, 说明). */
  writeFindings(rows: (string | number)[][]): Promise<void>;
  /**
   * Writes key figures (`收入总计` or `BT.收入总计` → value), one cell each, named `BT.<key>`.
   * A key written before but absent now keeps its name and its cell is blanked, so formulas stay valid.
   */
  writeKeyFigures(figs: Record<string, number>): Promise<void>;
  /** Replaces KPI.DATA: rows of (单位, 项目, 一级, 二级, 三级, 符号, 数值, 单位, 方向, 状态). */
  writeKpiData(rows: (string | number)[][]): Promise<void>;
  /** Accepted warnings (finding key → reason), from BUDGET.ACCEPTED; {} when none. Never writes. */
  readAcceptances(): Promise<Record<string, string>>;
  /** Replaces BUDGET.ACCEPTED with the given set. */
  writeAcceptances(a: Record<string, string>): Promise<void>;
  /** Activates `sheet` and selects `cell` (`C12`, `C12:D14`, or `'Sheet'!C12`). */
  select(sheet: string, cell: string): Promise<void>;
  /** The active sheet and selected range (`'Sheet1'!B2:C4` split into its parts). */
  getSelection(): Promise<{ sheet: string; address: string }>;
  /**
   * Creates the plan's sheets (names made unique) and names. ≤ 2 syncs per sheet. On any
   * failure or abort every sheet and name it created is removed (re-pointed names restored)
   * and it throws `生成公开表失败：…，已撤销已创建的工作表`.
   */
  applyPlan(plan: WorkbookPlan, opts?: ApplyPlanOptions): Promise<ApplyPlanResult>;
  /** One new sheet from a plan sheet (blank templates of the 表格 view); same rollback. */
  insertSheet(sheet: SheetPlan, opts?: { activate?: boolean }): Promise<{ name: string; notes?: string[] }>;
  /**
   * Writes a block (e.g. a 绩效目标表 project in the standard layout) with its top-left at
   * `target`. Refuses, writing nothing, unless every target cell is blank or `overwrite` is set.
   * Returns the qualified address written. Column widths / page setup of the sheet are left alone.
   */
  writeBlock(target: { sheet: string; cell: string }, block: BlockPlan, opts?: { overwrite?: boolean; select?: boolean }): Promise<{ range: string }>;
  /**
   * The features this Excel lacks (requirement sets checked with isSetSupported), each with
   * the Chinese sentence the pane shows; [] on a current Excel.
   */
  capabilities?(): Feature[];
}
