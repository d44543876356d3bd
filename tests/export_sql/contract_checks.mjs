// The export contract of docs/export.md, checked through DuckDB on real
// exports (export_fixture.mjs). Each check returns failure messages; an empty
// list means the promise holds.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { EXPORTS } from './export_fixture.mjs';
import { openSession } from './duckdb_query.mjs';

const TABLES = ['articles', 'entities', 'mentions', 'events', 'stories', 'happenings'];

// Columns whose DuckDB type the contract names (docs/export.md).
const PROMISED_TYPES = {
  articles: { published: 'TIMESTAMP', modified: 'TIMESTAMP', fetched: 'TIMESTAMP' },
  mentions: { published: 'TIMESTAMP' },
  events: {
    time_start: 'TIMESTAMP', time_end: 'TIMESTAMP', time_value: 'VARCHAR',
    time_text: 'VARCHAR', time_source: 'VARCHAR',
  },
};
const ARG_FIELDS = ['entity', 'quantity', 'role', 'text'];

export async function checkContract(dir) {
  const failures = [];
  const schemas = EXPORTS.map((name) => readSchema(dir, name, failures));
  if (failures.length > 0) return failures;
  const schema = schemas[0];
  EXPORTS.forEach((name, i) => {
    if (JSON.stringify(schemas[i]) !== JSON.stringify(schema)) {
      failures.push(`exports/${name}/schema.json differs from exports/${EXPORTS[0]}/schema.json`);
    }
  });
  const session = await openSession();
  try {
    const types = await canonicalTypes(session, schema, failures);
    checkPromisedTypes(types, failures);
    for (const name of EXPORTS) {
      await checkMacros(session, dir, name, types, failures);
    }
    await checkTimes(session, failures);
    await checkInferredShapes(session, failures);
  } finally {
    session.close();
  }
  return failures;
}

function readSchema(dir, name, failures) {
  const exportDir = path.join(dir, 'exports', name);
  for (const file of ['schema.json', 'schema.sql']) {
    if (!fs.existsSync(path.join(exportDir, file))) failures.push(`exports/${name}: no ${file}`);
  }
  if (failures.length > 0) return null;
  const schema = JSON.parse(fs.readFileSync(path.join(exportDir, 'schema.json'), 'utf8'));
  const tables = Object.keys(schema.tables ?? {});
  if (JSON.stringify(tables) !== JSON.stringify(TABLES)) {
    failures.push(`exports/${name}/schema.json lists tables ${tables}, expected ${TABLES}`);
  }
  return schema;
}

// The schema's types as DuckDB spells them, so they compare with DESCRIBE.
// No column may be JSON or untyped: an all-null field keeps its type.
async function canonicalTypes(session, schema, failures) {
  const types = {};
  for (const [table, columns] of Object.entries(schema.tables)) {
    types[table] = {};
    for (const [column, type] of Object.entries(columns)) {
      if (/\bJSON\b|^NULL$/i.test(type)) failures.push(`schema.json: ${table}.${column} is ${type}`);
      const result = await session.run(`DESCRIBE SELECT NULL::${type} AS x`);
      types[table][column] = result.rows[0].column_type;
    }
    for (const timestamp of schema.timestamps[table] ?? []) {
      if (types[table][timestamp] !== 'TIMESTAMP') {
        failures.push(`schema.json: ${table}.${timestamp} is listed as a timestamp but typed ${types[table][timestamp]}`);
      }
    }
  }
  return types;
}

function checkPromisedTypes(types, failures) {
  for (const [table, columns] of Object.entries(PROMISED_TYPES)) {
    for (const [column, type] of Object.entries(columns)) {
      if (types[table]?.[column] !== type) {
        failures.push(`${table}.${column} should be ${type}, schema.json has ${types[table]?.[column]}`);
      }
    }
  }
  if ('time' in (types.events ?? {})) failures.push('events still has a combined `time` column');
  for (const table of ['events', 'happenings']) {
    const fields = structFields(types[table]?.args ?? '');
    if (JSON.stringify(fields) !== JSON.stringify(ARG_FIELDS)) {
      failures.push(`${table}.args should be a list of {role, entity, text, quantity}, is ${types[table]?.args}`);
    }
  }
}

// Every file of the export reads through its schema.sql macro with exactly the
// schema's columns and types (an empty export too), and every row of the file
// has every column and converts to those types.
async function checkMacros(session, dir, name, types, failures) {
  const exportDir = path.join(dir, 'exports', name);
  await session.runScript(fs.readFileSync(path.join(exportDir, 'schema.sql'), 'utf8'));
  for (const table of TABLES) {
    const where = `exports/${name}: newsx_${table}`;
    const lines = readLines(exportDir, table, failures);
    if (lines === null) continue;
    const columns = Object.keys(types[table]);
    lines.forEach((line, i) => {
      const keys = Object.keys(JSON.parse(line));
      const missing = columns.filter((column) => !keys.includes(column));
      const extra = keys.filter((key) => !columns.includes(key));
      if (missing.length > 0 || extra.length > 0) {
        failures.push(`exports/${name}/${table} row ${i + 1}: missing columns [${missing}], ` +
          `columns not in the schema [${extra}]`);
      }
    });
    const relation = `newsx_${table}('exports/${name}')`;
    const described = await session.run(`DESCRIBE SELECT * FROM ${relation}`);
    const got = described.rows.map((row) => `${row.column_name} ${row.column_type}`);
    const want = columns.map((column) => `${column} ${types[table][column]}`);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failures.push(`${where} binds as (${got.join(', ')}), schema is (${want.join(', ')})`);
    }
    const all = await session.run(`SELECT * FROM ${relation}`);
    if (all.rows.length !== lines.length) {
      failures.push(`${where} reads ${all.rows.length} rows, the file has ${lines.length}`);
    }
  }
}

function readLines(exportDir, table, failures) {
  for (const [file, decode] of [[`${table}.jsonl`, (b) => b], [`${table}.jsonl.gz`, zlib.gunzipSync]]) {
    const full = path.join(exportDir, file);
    if (fs.existsSync(full)) {
      return decode(fs.readFileSync(full)).toString('utf8').split('\n').filter((l) => l !== '');
    }
  }
  failures.push(`${exportDir}: no ${table}.jsonl or ${table}.jsonl.gz`);
  return null;
}

// time_value (the analyzer's date or interval) is separate from time_start and
// time_end (timestamps, end exclusive); all four are present or all are null.
async function checkTimes(session, failures) {
  const events = "newsx_events('exports/full')";
  const result = await session.run(`SELECT
      count(*) FILTER (WHERE time_start IS NOT NULL) AS timed,
      count(*) FILTER (WHERE (time_value IS NULL) <> (time_start IS NULL)
                          OR (time_start IS NULL) <> (time_end IS NULL)
                          OR (time_source IS NULL) <> (time_start IS NULL)) AS partial,
      count(*) FILTER (WHERE time_end <= time_start) AS backwards,
      count(*) FILTER (WHERE time_value LIKE '%/%') AS intervals
    FROM ${events}`);
  const row = result.rows[0];
  if (Number(row.timed) === 0) failures.push('exports/full: no event has a time_start; the time checks prove nothing');
  if (Number(row.intervals) === 0) failures.push('exports/full: no event time is an interval; the fixture no longer covers them');
  if (Number(row.partial) > 0) failures.push(`exports/full: ${row.partial} events have only some of time_value/time_start/time_end/time_source`);
  if (Number(row.backwards) > 0) failures.push(`exports/full: ${row.backwards} events end before they start`);
  const articles = await session.run(
    "SELECT count(*) FILTER (WHERE fetched IS NULL) AS unfetched, count(published) AS published FROM newsx_articles('exports/full')");
  if (Number(articles.rows[0].unfetched) > 0) failures.push('exports/full: articles without fetched');
  if (Number(articles.rows[0].published) === 0) failures.push('exports/full: no article has published');
}

// Without the macros (read_json_auto, as a user might), the event arguments
// keep the same four fields when the incremental export lacks roles the full
// one has, and ISO times are still recognised as timestamps.
async function checkInferredShapes(session, failures) {
  const argsType = async (file) => {
    const result = await session.run(`DESCRIBE SELECT args FROM read_json_auto('${file}')`);
    return result.rows[0].column_type;
  };
  const roles = async (file) => {
    const result = await session.run(
      `SELECT DISTINCT a.role FROM read_json_auto('${file}'), unnest(args) AS t(a) ORDER BY 1`);
    return result.rows.map((row) => row.role);
  };
  const full = 'exports/full/events.jsonl.gz';
  const incremental = 'exports/incremental/events.jsonl.gz';
  for (const file of [full, incremental]) {
    const type = await argsType(file);
    const fields = structFields(type);
    if (JSON.stringify(fields) !== JSON.stringify(ARG_FIELDS)) {
      failures.push(`read_json_auto('${file}'): args inferred as ${type}, fields should be ${ARG_FIELDS}`);
    }
  }
  const fullRoles = await roles(full);
  const incrementalRoles = await roles(incremental);
  if (incrementalRoles.length === 0 || incrementalRoles.length >= fullRoles.length) {
    failures.push(`the incremental export has roles ${incrementalRoles}, the full one ${fullRoles}: ` +
      'the fixture no longer exports fewer roles incrementally, so the stable-shape check proves nothing');
  }
  for (const [file, columns] of [['exports/full/articles.jsonl.gz', ['published', 'fetched']],
                                 ['exports/full/mentions.jsonl.gz', ['published']]]) {
    const described = await session.run(`DESCRIBE SELECT * FROM read_json_auto('${file}')`);
    for (const column of columns) {
      const type = described.rows.find((row) => row.column_name === column)?.column_type;
      if (!/^TIMESTAMP/.test(type ?? '')) {
        failures.push(`read_json_auto('${file}'): ${column} inferred as ${type}, not a timestamp`);
      }
    }
  }
}

// The sorted top-level field names of `STRUCT(...)[]`.
function structFields(listType) {
  const match = /^STRUCT\((.*)\)\[\]$/.exec(listType);
  if (!match) return [];
  const fields = [];
  let depth = 0;
  let start = 0;
  const body = match[1];
  for (let i = 0; i <= body.length; ++i) {
    const c = body[i];
    if (c === '(') ++depth;
    else if (c === ')') --depth;
    else if ((c === ',' && depth === 0) || i === body.length) {
      fields.push(body.slice(start, i).trim().split(/\s+/)[0].replace(/"/g, ''));
      start = i + 1;
    }
  }
  return fields.sort();
}
