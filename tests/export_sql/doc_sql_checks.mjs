// Runs one DuckDB SQL block of the documentation (markdown_sql_blocks.mjs)
// against the exports of export_fixture.mjs, as a user would paste it into
// the DuckDB shell in the directory holding `exports/`.
//
// The block runs as written against `exports/full` and must return rows there
// (the examples are checked on the demo pages); then, with `exports/full`
// replaced, against the one-article incremental export and the empty one,
// where every query must still bind and return the same columns with the same
// types. No result column may be JSON: that is DuckDB giving up on a shape.
import fs from 'node:fs';
import { openSession } from './duckdb_query.mjs';
import { splitSteps } from './markdown_sql_blocks.mjs';

const VARIANTS = ['full', 'incremental', 'empty'];

// Returns the block's failures: {variant (the export it failed on), text
// (starting with file:line)}.
export async function checkSqlBlock(block) {
  const failures = [];
  let fullShapes = null;
  const fullErrors = new Map();  // line -> message; not repeated for the other exports
  for (const variant of VARIANTS) {
    const text = block.text.replaceAll('exports/full', `exports/${variant}`);
    const shapes = await runBlock(block, text, variant, fullErrors, failures);
    if (variant === 'full') {
      fullShapes = shapes;
      continue;
    }
    for (const [line, signature] of shapes) {
      const want = fullShapes.get(line);
      if (want && signature !== want) {
        const [got, expected] = fromFirstDifference(signature, want);
        failures.push({ variant, text: `${block.file}:${line}: on exports/${variant} returns (${got}), ` +
          `on exports/full (${expected})` });
      }
    }
  }
  return failures;
}

// Runs the steps; returns a Map from the line of each query that ran to its
// result's columns and types.
async function runBlock(block, text, variant, fullErrors, failures) {
  const session = await openSession();
  const shapes = new Map();
  try {
    for (const step of splitSteps(text, block.line)) {
      const where = `${block.file}:${step.line}`;
      try {
        if (step.kind === 'dot') {
          await runDotCommand(session, step);
          continue;
        }
        const result = await session.run(step.text);
        if (!result.query) continue;
        const signature = result.names.map((name, i) => `${name} ${result.types[i]}`).join(', ');
        shapes.set(step.line, signature);
        const json = result.names.filter((_, i) => /\bJSON\b/.test(result.types[i]));
        if (json.length > 0) {
          failures.push({ variant, text: `${where}: on exports/${variant} columns ${json} come back as JSON (DuckDB could not type them)` });
        }
        if (variant === 'full' && result.rows.length === 0) {
          failures.push({ variant, text: `${where}: returns no rows on exports/full (the demo pages)` });
        }
      } catch (error) {
        // Later statements still run: a block's statements are usually independent.
        const message = error.message.split('\n')[0].replaceAll(`exports/${variant}`, 'exports/full');
        if (variant === 'full') fullErrors.set(step.line, message);
        else if (fullErrors.get(step.line) === message) continue;
        failures.push({ variant, text: `${where}: on exports/${variant}: ${error.message.split('\n')[0]}` });
      }
    }
  } finally {
    session.close();
  }
  return shapes;
}

// The DuckDB shell's `.read FILE`; other dot commands have no meaning here.
async function runDotCommand(session, step) {
  if (step.command !== '.read') {
    throw new Error(`${step.command}: only .read is supported in checked blocks`);
  }
  await session.runScript(fs.readFileSync(step.arg.replace(/^(['"])(.*)\1$/, '$2'), 'utf8'));
}

// Both texts from a little before the first character where they differ.
function fromFirstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) ++i;
  const from = Math.max(0, i - 40);
  const clip = (text) => (from > 0 ? '...' : '') + text.slice(from, from + 120) +
    (text.length > from + 120 ? '...' : '');
  return [clip(a), clip(b)];
}
