/**
 * Where the CLI writes: never over an input, never into an existing workbook (an
 * existing output is refused unless --force says to replace it whole), and always
 * atomically — a temporary file in the same folder, then a rename — so a killed run
 * leaves the old file or the new one, never half of one.
 */
import * as fs from 'fs';
import * as path from 'path';

export class OutputError extends Error {}

/** Options of one output. */
export interface OutputOptions {
  /** Replace an existing file whole. */
  force?: boolean;
  /** Files this run reads: the output may be none of them (also through a link). */
  inputs?: readonly string[];
  /** What the output is, for messages (`公开表`, `校验报告`). */
  what: string;
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

function sameFile(a: string, b: string): boolean {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return path.resolve(a) === path.resolve(b);
}

/**
 * Refuses an output path that would lose data: an input (by path, symlink or hard
 * link), an existing file without --force, a folder, a missing folder, a name that
 * does not end in .xlsx. Throws OutputError with a Chinese message.
 */
export function checkOutputPath(out: string, opts: OutputOptions): void {
  if (!/\.xlsx$/i.test(out)) throw new OutputError(`${opts.what}输出文件名应以 .xlsx 结尾：${out}`);
  for (const input of opts.inputs ?? []) {
    if (sameFile(out, input)) throw new OutputError(`${opts.what}不能写到输入文件 ${input} 上：请换一个输出文件名`);
  }
  const dir = path.dirname(path.resolve(out));
  const d = statOrNull(dir);
  if (!d || !d.isDirectory()) throw new OutputError(`输出文件夹不存在：${path.dirname(out) || '.'}`);
  const st = statOrNull(out);
  if (!st) return;
  if (st.isDirectory()) throw new OutputError(`${out} 是一个文件夹，不能作为${opts.what}输出文件`);
  if (!opts.force) {
    throw new OutputError(`输出文件 ${out} 已存在：不会覆盖，也不会往里追加。请换一个文件名，或加 --force 用新的${opts.what}整个替换它`);
  }
}

/* ---------- temporary files and their clean-up ---------- */

const live = new Set<string>();
let hooked = false;

/** On Ctrl-C or kill, remove the temporary files this process is writing, then exit as the signal would. */
function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const sig of Object.keys(codes)) {
    process.once(sig as NodeJS.Signals, () => {
      for (const t of live) fs.rmSync(t, { force: true });
      process.exit(codes[sig]);
    });
  }
}

const TMP = /^\.(.+)\.(\d+)\.[0-9a-z]+\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of this output left by a run that was killed (its process is gone). */
function removeStale(out: string): void {
  const dir = path.dirname(path.resolve(out));
  const base = path.basename(out);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = TMP.exec(n);
    if (m && m[1] === base && Number(m[2]) !== process.pid && !alive(Number(m[2]))) fs.rmSync(path.join(dir, n), { force: true });
  }
}

function ioMessage(e: NodeJS.ErrnoException, out: string): string {
  const dir = path.dirname(out) || '.';
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `没有权限写入 ${dir}：请换一个可以写入的文件夹`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `输出文件夹不存在：${dir}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写入 ${out}`;
    case 'EEXIST':
      return `输出文件 ${out} 在写入期间被另一个程序创建了：没有覆盖它，请换一个文件名或加 --force`;
    default:
      return `无法写入 ${out}：${e.message}`;
  }
}

/**
 * Writes `out` through `write(tmp)`: the temporary file sits in the same folder and is
 * renamed into place at the end. Without `force` the final step is a hard link, which
 * fails if another run created `out` meanwhile (two runs to one output: one wins, the
 * other says so). The temporary file is removed on any failure and on Ctrl-C.
 */
export async function writeAtomic(out: string, write: (tmp: string) => Promise<void>, opts: { force?: boolean } = {}): Promise<void> {
  hookSignals();
  removeStale(out);
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  live.add(tmp);
  try {
    await write(tmp);
    if (opts.force) await fs.promises.rename(tmp, out);
    else {
      try {
        await fs.promises.link(tmp, out);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // File systems without hard links (FAT, some network shares): check, then rename.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
        if (fs.existsSync(out)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        await fs.promises.rename(tmp, out);
      }
    }
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw new OutputError(ioMessage(e as NodeJS.ErrnoException, out));
  } finally {
    await fs.promises.rm(tmp, { force: true });
    live.delete(tmp);
  }
}
