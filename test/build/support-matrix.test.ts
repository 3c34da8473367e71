/** The README's support matrix is the one generated from the profiles and features (npm run docs). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { BEGIN, END, supportMatrix } from '../../scripts/support-matrix';

test('README support matrix is up to date (npm run docs)', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  expect(a).toBeGreaterThan(0);
  expect(readme.slice(a + BEGIN.length, b).trim()).toBe(supportMatrix().trim());
  // The matrix says what each client gets: the full add-in only where custom functions are.
  expect(supportMatrix()).toMatch(/Excel 2019 批量授权版 \| `manifest-taskpane.xml` \| ✘ IE11/);
  expect(supportMatrix()).toMatch(/Excel 网页版 \| `manifest.xml` \| ✔/);
});
