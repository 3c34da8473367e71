/**
 * Builds the harness with webpack in a child process (keeps webpack out of jest's
 * module registry) and reports the emitted JS sizes.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'dist-harness');

/**
 * Builds the harness once per jest run, even with both browser test files in parallel
 * workers: a lock directory serialises builds, and a stamp naming the jest run (the
 * workers' parent process) lets a second file reuse the build instead of cleaning the
 * output under the first file's feet.
 */
export async function buildHarness(): Promise<void> {
  const lock = `${OUT}.lock`;
  const stamp = path.join(OUT, '.built-by');
  const run = String(process.ppid);
  for (let waited = 0; ; waited += 500) {
    try {
      await fs.mkdir(lock);
      break;
    } catch {
      const st = await fs.stat(lock).catch(() => null);
      if (st && Date.now() - st.mtimeMs > 15 * 60_000) await fs.rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if ((await fs.readFile(stamp, 'utf8').catch(() => '')) === run) return;
    await runWebpack();
    await fs.writeFile(stamp, run);
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

async function runWebpack(): Promise<void> {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, '--config', path.join(__dirname, 'webpack.harness.js'), '--mode', 'production', '--no-color'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(`harness build failed:\n${stdout}\n${stderr}`)) : resolve()),
    );
  });
}

export interface BundleSizes {
  /** JS the page loads before the App renders (entry + vendors). */
  initial: number;
  /** Every emitted JS file, name → bytes. */
  files: Record<string, number>;
}

export async function bundleSizes(): Promise<BundleSizes> {
  const files: Record<string, number> = {};
  for (const f of await fs.readdir(OUT)) {
    if (f.endsWith('.js')) files[f] = (await fs.stat(path.join(OUT, f))).size;
  }
  const initial = (files['harness.js'] ?? 0) + (files['vendors.js'] ?? Object.entries(files).find(([k]) => k.startsWith('vendors'))?.[1] ?? 0);
  return { initial, files };
}
