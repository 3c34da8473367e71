/**
 * The intranet deployment rules (deploy/nginx/addin-locations.conf) on a real nginx: it is
 * started on 127.0.0.1 (a free port, plain http; TLS is the site's own business) over the
 * built dist/, and functions.json, functions.js and taskpane.html are fetched with an
 * Origin header as Excel on the web would. Skipped with a message where nginx or dist/ is
 * missing (.ci/run installs nginx and builds first). deploy/iis/web.config is checked to
 * carry the same rules.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const RULES = path.join(ROOT, 'deploy/nginx/addin-locations.conf');
const ORIGIN = 'https://excel.officeapps.live.com';

function findNginx(): string | null {
  for (const cand of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    if (spawnSync(cand, ['-v']).status === 0) return cand;
  }
  return null;
}

const NGINX = findNginx();
const BUILT = fs.existsSync(path.join(DIST, 'taskpane.html')) && fs.existsSync(path.join(DIST, 'functions.json'));
if (!NGINX) console.warn('nginx 未安装，跳过部署头信息测试（apt-get install -y nginx；.ci/run 会安装）');
else if (!BUILT) console.warn('dist/ 不存在，跳过部署头信息测试（先运行 npm run build）');
const nginxTest = NGINX && BUILT ? test : test.skip;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(port: number, file: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/${file}`, method, agent: false, headers: { Origin: ORIGIN } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

let dir = '';
let child: ChildProcess | null = null;
let port = 0;

beforeAll(async () => {
  if (!NGINX || !BUILT) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-'));
  port = await freePort();
  const conf = [
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'events { worker_connections 64; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    root ${DIST};`,
    `    include ${RULES};`,
    '  }',
    '}',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const t = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (t.status !== 0) throw new Error(`nginx -t failed:\n${t.stderr}`);
  child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  // Wait until it answers.
  for (let i = 0; i < 100; i++) {
    try {
      await get(port, 'taskpane.html');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nginx did not start: ${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`);
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const done = new Promise((r) => child!.once('exit', r));
    child.kill('SIGQUIT');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise((r) => (timer = setTimeout(r, 3000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('nginx with deploy/nginx/addin-locations.conf over dist/', () => {
  nginxTest('functions.json: 200, application/json in UTF-8, CORS for any origin, revalidated', async () => {
    const r = await get(port, 'functions.json');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(r.body).allowErrorForDataTypeAny).toBe(true);
  });

  nginxTest('functions.js and taskpane.html: right types, CORS, Chinese text intact', async () => {
    const js = await get(port, 'functions.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(js.headers['access-control-allow-origin']).toBe('*');
    const html = await get(port, 'taskpane.html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['access-control-allow-origin']).toBe('*');
    expect(html.body).toContain('正在加载预算公开表格助手');
  });

  nginxTest('hashed bundles and icons get CORS too; a preflight answers 204; a missing file 404', async () => {
    const bundle = fs.readdirSync(DIST).find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))!;
    const b = await get(port, bundle);
    expect([b.status, b.headers['content-type'], b.headers['access-control-allow-origin']]).toEqual([200, 'application/javascript; charset=utf-8', '*']);
    const icon = await get(port, 'assets/icon-32.png');
    expect([icon.status, icon.headers['content-type']]).toEqual([200, 'image/png']);
    const pre = await get(port, 'functions.json', 'OPTIONS');
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toMatch(/GET/);
    expect((await get(port, 'nope.json')).status).toBe(404);
  });
});

describe('deploy/iis/web.config', () => {
  test('is well-formed and carries the same rules: JSON MIME type, CORS header, UTF-8', () => {
    const xml = fs.readFileSync(path.join(ROOT, 'deploy/iis/web.config'), 'utf8');
    const problems: string[] = [];
    const doc = new DOMParser({ onError: (level: string, m: string) => problems.push(`${level}: ${m}`) }).parseFromString(xml, 'text/xml');
    expect(problems).toEqual([]);
    const maps = Array.from(doc.getElementsByTagName('mimeMap')).map((e) => [e.getAttribute('fileExtension'), e.getAttribute('mimeType')]);
    expect(maps).toContainEqual(['.json', 'application/json; charset=utf-8']);
    expect(maps).toContainEqual(['.js', 'application/javascript; charset=utf-8']);
    const headers = Array.from(doc.getElementsByTagName('customHeaders')[0].getElementsByTagName('add')).map((e) => [e.getAttribute('name'), e.getAttribute('value')]);
    expect(headers).toContainEqual(['Access-Control-Allow-Origin', '*']);
  });
});
