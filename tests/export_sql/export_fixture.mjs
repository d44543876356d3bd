// Builds the exports the checks read, with the real `newsx` binary, from the
// bundled demo pages (fixtures/demo/pages), in a fresh temporary directory:
//
//   exports/first        first export (everything so far) of all pages but one, plain .jsonl
//   exports/incremental  the incremental export after the last page (--gzip): one article,
//                        so some event roles of the other pages are absent
//   exports/empty        the next incremental export (--gzip): nothing new
//   exports/full         `--full --gzip`: every article, the paths the README uses
//
// All but `first` are gzipped like the README's `exports/full`, so that its
// examples can read the others by replacing the directory name alone.
//
// The README's examples read `exports/full/...` relative to the working
// directory, so the checks run with `dir` as the working directory.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The page stored last; its events lack roles that the other pages have.
const LAST_PAGE = 'tsmc-arizona-capex.html';

export const EXPORTS = ['first', 'incremental', 'empty', 'full'];

export function buildExports(newsx, sourceDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsx-export-sql-'));
  const pagesDir = path.join(sourceDir, 'fixtures', 'demo', 'pages');
  const pages = fs.readdirSync(pagesDir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => path.join(pagesDir, name));
  const last = pages.find((page) => path.basename(page) === LAST_PAGE);
  if (!last) throw new Error(`fixture page ${LAST_PAGE} is missing from ${pagesDir}`);
  const run = (...args) => execFileSync(newsx, ['--quiet', '--db', 'db', ...args],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run('backfill', '--no-progress', ...pages.filter((page) => page !== last));
  run('export', '--out', 'exports/first');
  run('backfill', '--no-progress', last);
  run('export', '--out', 'exports/incremental', '--gzip');
  run('export', '--out', 'exports/empty', '--gzip');
  run('export', '--out', 'exports/full', '--full', '--gzip');
  return dir;
}
