// Finds the DuckDB SQL examples in Markdown files and splits them into the
// steps a DuckDB shell would run, each with the line it starts on, so that a
// failure names the exact place in the documentation.
//
// A block is checked when it is a ```sql fence whose first line is the comment
// `-- duckdb` (anything may follow on that line, e.g. `-- duckdb: top events`).
// Other ```sql fences are listed as unchecked, never silently dropped.

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;
const MARKER = /^--\s*duckdb\b/i;

// Returns {checked: [block], unchecked: [block]}; block = {file, line, text},
// `line` being the 1-based line of the first line inside the fence.
export function findSqlBlocks(file, markdown) {
  const lines = markdown.split('\n');
  const checked = [];
  const unchecked = [];
  for (let i = 0; i < lines.length; ++i) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trimStart().startsWith(fence)) body.push(lines[j++]);
    if (open[3].toLowerCase() === 'sql') {
      const first = body.find((l) => l.trim() !== '') ?? '';
      const block = { file, line: i + 2, text: body.join('\n') };
      (MARKER.test(first.trim()) ? checked : unchecked).push(block);
    }
    i = j;  // skip the closing fence (or the end of a fence left open)
  }
  return { checked, unchecked };
}

// Splits SQL into steps: {kind: 'sql', text, line} for each statement and
// {kind: 'dot', command, arg, line} for a shell dot command at the start of a
// line (`.read FILE`). Semicolons inside quotes and comments do not end a
// statement. `line` counts from `firstLine`.
export function splitSteps(sql, firstLine = 1) {
  const steps = [];
  let current = '';
  let start = null;  // line where the current statement's first token is
  let line = firstLine;
  let i = 0;
  const atLineStart = () => stripComments(current).trim() === '' && (i === 0 || sql[i - 1] === '\n');
  const flush = () => {
    if (start !== null && stripComments(current).trim() !== '') {
      steps.push({ kind: 'sql', text: current.trim(), line: start });
    }
    current = '';
    start = null;
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === '.' && atLineStart()) {
      const end = sql.indexOf('\n', i);
      const text = sql.slice(i, end < 0 ? sql.length : end).trim();
      const [command, ...rest] = text.split(/\s+/);
      steps.push({ kind: 'dot', command, arg: rest.join(' '), line });
      current = '';
      i = end < 0 ? sql.length : end;
      continue;
    }
    if (c === '\n') ++line;
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      current += sql.slice(i, end < 0 ? sql.length : end);
      i = end < 0 ? sql.length : end;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      const comment = sql.slice(i, stop);
      line += countNewlines(comment);
      current += comment;
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      const quoted = sql.slice(i, j + 1);
      if (start === null) start = line;
      line += countNewlines(quoted);
      current += quoted;
      i = j + 1;
      continue;
    }
    if (c === ';') {
      flush();
      ++i;
      continue;
    }
    if (start === null && !/\s/.test(c)) start = line;
    current += c;
    ++i;
  }
  flush();
  return steps;
}

function countNewlines(text) {
  let n = 0;
  for (const c of text) if (c === '\n') ++n;
  return n;
}

function stripComments(sql) {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}
