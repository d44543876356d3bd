#!/usr/bin/env node
// Checks the documentation's DuckDB SQL and the export contract with DuckDB's
// Node client (docs/export.md, "Checking the SQL"):
//
//   node check_export_sql.mjs --newsx build/pipelines/newsx [--source DIR] [--keep]
//
// 1. runs `newsx` on the demo pages into a temporary database and writes a
//    first, a one-article incremental, an empty incremental and a full export;
// 2. checks the export contract on them (contract_checks.mjs);
// 3. runs every ```sql block of README.md and docs/*.md whose first line is
//    `-- duckdb` (doc_sql_checks.mjs).
// Exit 0 when everything holds, 1 naming each failure (file:line for blocks).
//
// known_failures.json lists blocks (by file and a hash of their text) whose
// failure on the named exports is known and reported to whoever owns that
// file: they are still run and printed, but those failures do not fail the
// check (failures on other exports do). Editing such a block changes its hash,
// so the entry stops applying by itself.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContract } from './contract_checks.mjs';
import { checkSqlBlock } from './doc_sql_checks.mjs';
import { buildExports } from './export_fixture.mjs';
import { findSqlBlocks } from './markdown_sql_blocks.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const options = { newsx: process.env.NEWSX, source: path.resolve(here, '..', '..'), keep: false };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--newsx') options.newsx = argv[++i];
    else if (argv[i] === '--source') options.source = argv[++i];
    else if (argv[i] === '--keep') options.keep = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!options.newsx) throw new Error('give the newsx binary: --newsx PATH (or NEWSX=PATH)');
  options.newsx = path.resolve(options.newsx);
  options.source = path.resolve(options.source);
  return options;
}

function documentationBlocks(source) {
  const docs = path.join(source, 'docs');
  const files = ['README.md', ...fs.readdirSync(docs).filter((f) => f.endsWith('.md')).sort()
    .map((f) => path.join('docs', f))];
  const checked = [];
  const unchecked = [];
  for (const file of files) {
    const found = findSqlBlocks(file, fs.readFileSync(path.join(source, file), 'utf8'));
    checked.push(...found.checked);
    unchecked.push(...found.unchecked);
  }
  return { checked, unchecked };
}

export function blockHash(block) {
  return crypto.createHash('sha256').update(block.text).digest('hex').slice(0, 16);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const known = JSON.parse(fs.readFileSync(path.join(here, 'known_failures.json'), 'utf8'));
  const { checked, unchecked } = documentationBlocks(options.source);
  const started = Date.now();
  const dir = buildExports(options.newsx, options.source);
  let failed = 0;
  try {
    process.chdir(dir);  // the examples name exports/... relative to where DuckDB runs
    console.log(`exports of fixtures/demo/pages written in ${dir} (${Date.now() - started} ms)`);

    const contract = await checkContract(dir);
    for (const failure of contract) console.log(`FAIL contract: ${failure}`);
    if (contract.length === 0) console.log('ok   export contract (first, incremental, empty, full exports)');
    failed += contract.length;

    const used = new Set();
    for (const block of checked) {
      const hash = blockHash(block);
      const entry = known.find((k) => k.file === block.file && k.hash === hash);
      if (entry) used.add(entry);
      const failures = await checkSqlBlock(block);
      const where = `${block.file}:${block.line} [${hash}]`;
      if (failures.length === 0) {
        console.log(`ok   ${where}${entry ? ' (listed in known_failures.json but passes: remove the entry)' : ''}`);
        continue;
      }
      // A known entry excuses failures on the exports it names, nothing else.
      const isKnown = (failure) => entry?.exports.includes(failure.variant);
      const unknown = failures.filter((failure) => !isKnown(failure));
      console.log(`${unknown.length > 0 ? 'FAIL' : 'KNOWN'} ${where}: ${failures.length} failures` +
        (entry ? ` (known on exports/${entry.exports.join(', exports/')}: ${entry.why})` : ''));
      for (const failure of failures) console.log(`     ${isKnown(failure) ? 'known ' : ''}${failure.text}`);
      failed += unknown.length;
    }
    for (const entry of known.filter((k) => !used.has(k))) {
      console.log(`note known_failures.json: no block ${entry.file} [${entry.hash}] any more; remove the entry`);
    }
    for (const block of unchecked) {
      console.log(`skip ${block.file}:${block.line}: a \`\`\`sql block without a -- duckdb first line`);
    }
  } finally {
    if (options.keep) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${checked.length} DuckDB blocks, ${failed} failures, ${Date.now() - started} ms`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`check_export_sql: ${error.stack ?? error}`);
  process.exitCode = 1;
});
