// node --test: the Markdown SQL block finder and statement splitter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSqlBlocks, splitSteps } from './markdown_sql_blocks.mjs';

test('only ```sql fences starting with -- duckdb are checked, with their line', () => {
  const md = [
    '# Title',             // 1
    '```sql',              // 2
    '-- duckdb',           // 3
    'SELECT 1;',           // 4
    '```',                 // 5
    '```sql',              // 6
    'SELECT 2;',           // 7
    '```',                 // 8
    '```sh',               // 9
    '-- duckdb',           // 10
    '```',                 // 11
    '````sql',             // 12
    '-- DuckDB: nested ```',  // 13
    '```',                 // 14
    '````',                // 15
  ].join('\n');
  const { checked, unchecked } = findSqlBlocks('x.md', md);
  assert.deepEqual(checked.map((b) => b.line), [3, 13]);
  assert.equal(checked[0].text, '-- duckdb\nSELECT 1;');
  assert.deepEqual(unchecked.map((b) => b.line), [7]);
});

test('statements split on semicolons outside quotes and comments, with start lines', () => {
  const sql = [
    '-- duckdb',                    // 10
    '.read exports/full/schema.sql', // 11
    "SELECT 'a;b' AS \"c;d\"  -- e;f", // 12
    'FROM t;',                       // 13
    '',                              // 14
    '/* g;',                         // 15
    'h */ SELECT 2',                 // 16
  ].join('\n');
  const steps = splitSteps(sql, 10);
  assert.deepEqual(steps.map((s) => [s.kind, s.line]), [['dot', 11], ['sql', 12], ['sql', 16]]);
  assert.deepEqual([steps[0].command, steps[0].arg], ['.read', 'exports/full/schema.sql']);
  assert.equal(steps[1].text, "SELECT 'a;b' AS \"c;d\"  -- e;f\nFROM t");
  assert.match(steps[2].text, /SELECT 2$/);
});

test('comment-only text and doubled quotes', () => {
  assert.deepEqual(splitSteps('-- nothing\n/* here */;'), []);
  const steps = splitSteps("SELECT 'it''s;';");
  assert.equal(steps.length, 1);
  assert.equal(steps[0].text, "SELECT 'it''s;'");
});
