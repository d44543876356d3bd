// A DuckDB session for the checks: a fresh in-memory database per use, so
// macros created by one documentation block cannot hide a missing
// `.read` in another, and results as plain names, type strings and JSON rows.
import { DuckDBInstance, DuckDBTypeId, StatementType } from '@duckdb/node-api';

export async function openSession() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    // Runs one statement; returns {query, names, types, rows} where `query` says
    // whether it was a SELECT-like statement (one that returns a table).
    async run(sql) {
      const reader = await connection.runAndReadAll(sql);
      return {
        query: reader.statementType === StatementType.SELECT ||
          reader.statementType === StatementType.EXPLAIN,
        names: reader.columnNames(),
        types: reader.columnTypes().map(typeName),
        rows: reader.getRowObjectsJson(),
      };
    },
    // Runs several statements (a schema.sql file); no result.
    async runScript(sql) {
      await connection.run(sql);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

// The type as DuckDB spells it, keeping aliases at any depth: the client's
// toString() prints a JSON column (an alias of VARCHAR) as VARCHAR.
export function typeName(type) {
  if (type.alias) return type.alias;
  switch (type.typeId) {
    case DuckDBTypeId.STRUCT:
      return `STRUCT(${type.entryNames.map((name, i) => `${name} ${typeName(type.entryTypes[i])}`).join(', ')})`;
    case DuckDBTypeId.LIST:
      return `${typeName(type.valueType)}[]`;
    case DuckDBTypeId.ARRAY:
      return `${typeName(type.valueType)}[${type.length}]`;
    case DuckDBTypeId.MAP:
      return `MAP(${typeName(type.keyType)}, ${typeName(type.valueType)})`;
    default:
      return type.toString();
  }
}
