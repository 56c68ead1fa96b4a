// A small, deliberately strict reader of Hookbell's schema sources, so tests/db/schema-drift.test.ts can
// compare them: the hand-written SQL migrations (SQLite and PostgreSQL), prisma/schema.prisma, and a live
// SQLite database. Each becomes the same normalized Shape. Statements or attributes it does not know make
// it throw rather than be skipped silently: extend it when a migration needs something new.

import type Database from "better-sqlite3";

export type Column = { type: string; nullable: boolean; default: string | null };
export type Table = { columns: Record<string, Column>; primaryKey: string[]; primaryKeyName: string | null };
export type Index = { table: string; columns: string[]; unique: boolean };
export type ForeignKey = {
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
export type Shape = {
  tables: Record<string, Table>;
  indexes: Record<string, Index>;
  foreignKeys: Record<string, ForeignKey>;
};

// ---------------------------------------------------------------------------------------------- SQL

/** SQL column types (both dialects) → the Prisma scalar type they store. */
const SQL_TYPES: Record<string, string> = {
  TEXT: "String",
  INTEGER: "Int",
  BIGINT: "BigInt",
  BOOLEAN: "Boolean",
  DATETIME: "DateTime",
  "TIMESTAMP(3)": "DateTime",
  REAL: "Float",
  "DOUBLE PRECISION": "Float",
  JSONB: "Json",
  BLOB: "Bytes",
  BYTEA: "Bytes",
};

const NAME = `"([^"]+)"`;
const LIST = String.raw`\(([^)]*)\)`;
const ACTIONS = String.raw`(?:\s+ON DELETE (CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION))?(?:\s+ON UPDATE (CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION))?`;
const FOREIGN_KEY = new RegExp(
  String.raw`^CONSTRAINT ${NAME} FOREIGN KEY ${LIST} REFERENCES ${NAME}\s*${LIST}${ACTIONS}$`,
  "i",
);

function names(list: string): string[] {
  return list.split(",").map((name) => name.trim().replace(/^"|"$/g, ""));
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

function sqlDefault(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  if (/^CURRENT_TIMESTAMP$/i.test(value)) return "now()";
  const quoted = /^'(.*)'$/.exec(value);
  return quoted ? JSON.stringify(quoted[1]) : value.toLowerCase();
}

function parseColumn(definition: string): { name: string; column: Column; primaryKey: boolean } {
  const match = new RegExp(String.raw`^${NAME}\s+(DOUBLE PRECISION|[A-Z]+(?:\(\d+(?:,\d+)?\))?)(.*)$`, "i").exec(
    definition,
  );
  if (!match) throw new Error(`schema-shape: cannot read column definition: ${definition}`);
  const [, name, sqlType, rest] = match;
  const type = SQL_TYPES[sqlType.toUpperCase()];
  if (!type) throw new Error(`schema-shape: unknown SQL type ${sqlType} for column ${name}`);
  const leftover = rest
    .replace(/\bNOT NULL\b/i, "")
    .replace(/\bPRIMARY KEY\b/i, "")
    .replace(/\bDEFAULT\s+('[^']*'|[^\s]+)/i, "")
    .trim();
  if (leftover) throw new Error(`schema-shape: unsupported column clause "${leftover}" on ${name}`);
  return {
    name,
    column: {
      type,
      nullable: !/\bNOT NULL\b/i.test(rest),
      default: sqlDefault(/\bDEFAULT\s+('[^']*'|[^\s]+)/i.exec(rest)?.[1]),
    },
    primaryKey: /\bPRIMARY KEY\b/i.test(rest),
  };
}

function addForeignKey(shape: Shape, table: string, clause: string): void {
  const match = FOREIGN_KEY.exec(clause);
  if (!match) throw new Error(`schema-shape: cannot read foreign key: ${clause}`);
  const [, name, columns, referencedTable, referencedColumns, onDelete, onUpdate] = match;
  shape.foreignKeys[name] = {
    table,
    columns: names(columns),
    referencedTable,
    referencedColumns: names(referencedColumns),
    // SQL's defaults when a clause is left out.
    onDelete: (onDelete ?? "NO ACTION").toUpperCase(),
    onUpdate: (onUpdate ?? "NO ACTION").toUpperCase(),
  };
}

function createTable(shape: Shape, name: string, body: string): void {
  const table: Table = { columns: {}, primaryKey: [], primaryKeyName: null };
  shape.tables[name] = table;
  for (const item of splitTopLevel(body)) {
    const primaryKey = new RegExp(String.raw`^(?:CONSTRAINT ${NAME}\s+)?PRIMARY KEY\s*${LIST}$`, "i").exec(item);
    if (primaryKey) {
      table.primaryKeyName = primaryKey[1] ?? null;
      table.primaryKey = names(primaryKey[2]);
    } else if (/^CONSTRAINT\s+"[^"]+"\s+FOREIGN KEY/i.test(item)) {
      addForeignKey(shape, name, item);
    } else if (item.startsWith('"')) {
      const column = parseColumn(item);
      table.columns[column.name] = column.column;
      if (column.primaryKey) table.primaryKey = [column.name];
    } else {
      throw new Error(`schema-shape: unsupported table clause in ${name}: ${item}`);
    }
  }
}

function renameTable(shape: Shape, from: string, to: string): void {
  shape.tables[to] = shape.tables[from];
  delete shape.tables[from];
  for (const owned of [...Object.values(shape.indexes), ...Object.values(shape.foreignKeys)]) {
    if (owned.table === from) owned.table = to;
  }
  for (const foreignKey of Object.values(shape.foreignKeys)) {
    if (foreignKey.referencedTable === from) foreignKey.referencedTable = to;
  }
}

function dropTable(shape: Shape, name: string): void {
  delete shape.tables[name];
  for (const group of [shape.indexes, shape.foreignKeys]) {
    for (const [key, owned] of Object.entries(group)) if (owned.table === name) delete group[key];
  }
}

type Rule = [RegExp, (match: RegExpExecArray) => void];

/** Runs the first rule whose pattern matches `text`; throws when none does. */
function applyFirst(text: string, rules: Rule[], what: string): void {
  for (const [pattern, apply] of rules) {
    const match = pattern.exec(text);
    if (match) {
      apply(match);
      return;
    }
  }
  throw new Error(`schema-shape: unsupported ${what}: ${text.slice(0, 120)}`);
}

const pattern = (source: string) => new RegExp(`^${source}$`, "i");

function alterTable(shape: Shape, table: string, actions: string): void {
  for (const action of splitTopLevel(actions)) {
    applyFirst(
      action,
      [
        [pattern("ADD (CONSTRAINT .*FOREIGN KEY.*)"), (m) => addForeignKey(shape, table, m[1])],
        [
          pattern("ADD COLUMN (.*)"),
          (m) => {
            const column = parseColumn(m[1]);
            shape.tables[table].columns[column.name] = column.column;
          },
        ],
        [pattern(`DROP COLUMN ${NAME}`), (m) => delete shape.tables[table].columns[m[1]]],
        [pattern(`DROP CONSTRAINT ${NAME}`), (m) => delete shape.foreignKeys[m[1]]],
        [pattern(`RENAME TO ${NAME}`), (m) => renameTable(shape, table, m[1])],
      ],
      `ALTER TABLE action on ${table}`,
    );
  }
}

/** Replays migration SQL (in order) and returns the schema it leaves behind. */
export function parseMigrationSql(sql: string): Shape {
  const shape: Shape = { tables: {}, indexes: {}, foreignKeys: {} };
  const statements = sql
    .replace(/--.*$/gm, "")
    .split(";")
    .map((statement) => statement.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  for (const statement of statements) {
    applyFirst(
      statement,
      [
        [pattern(`CREATE TABLE ${NAME} \\((.*)\\)`), (m) => createTable(shape, m[1], m[2])],
        [
          pattern(`CREATE (UNIQUE )?INDEX ${NAME} ON ${NAME}\\s*${LIST}`),
          (m) => {
            shape.indexes[m[2]] = { table: m[3], columns: names(m[4]), unique: Boolean(m[1]) };
          },
        ],
        [pattern(`DROP INDEX ${NAME}`), (m) => delete shape.indexes[m[1]]],
        [pattern(`DROP TABLE ${NAME}`), (m) => dropTable(shape, m[1])],
        [pattern(`ALTER TABLE ${NAME} (.*)`), (m) => alterTable(shape, m[1], m[2])],
        // Data copies in SQLite table rebuilds, and data moved between columns (0009): no change of shape.
        [pattern("(PRAGMA|INSERT INTO|UPDATE|DELETE FROM) .*"), () => {}],
      ],
      "statement",
    );
  }
  return shape;
}

// ------------------------------------------------------------------------------------------- Prisma

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Float", "Decimal", "Json", "Bytes"]);
const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
  NoAction: "NO ACTION",
};

function fieldList(text: string): string[] {
  return text.split(",").map((name) => name.trim());
}

function prismaDefault(attributes: string): string | null {
  const value = /@default\((.*?)\)(?=\s|$)/.exec(attributes)?.[1];
  if (value === undefined) return null;
  return value === "now()" ? "now()" : value;
}

/**
 * Reads the model blocks of a Prisma schema into the Shape its migrations must produce, with Prisma's
 * default constraint names: Model_pkey, Model_a_b_key (unique), Model_a_b_idx (index), Model_a_fkey.
 * @map / @@map and named constraints are not used by Hookbell and are refused.
 */
export function parsePrismaSchema(schema: string): Shape {
  const shape: Shape = { tables: {}, indexes: {}, foreignKeys: {} };
  const withoutComments = schema.replace(/\/\/.*$/gm, "");
  const models = [...withoutComments.matchAll(/^model (\w+) \{([^}]*)\}/gm)];
  const modelNames = new Set(models.map((model) => model[1]));

  for (const [, model, body] of models) {
    const table: Table = { columns: {}, primaryKey: [], primaryKeyName: `${model}_pkey` };
    shape.tables[model] = table;
    for (const rawLine of body.split("\n")) {
      const line = rawLine.trim();
      if (!line) continue;
      if (/@map\b|map:|name:/.test(line)) throw new Error(`schema-shape: custom names are not supported: ${line}`);

      const blockAttribute = /^@@(id|unique|index)\(\[([^\]]*)\]\)$/.exec(line);
      if (blockAttribute) {
        const [, kind, list] = blockAttribute;
        const fields = fieldList(list);
        if (kind === "id") table.primaryKey = fields;
        else {
          const suffix = kind === "unique" ? "key" : "idx";
          shape.indexes[`${model}_${fields.join("_")}_${suffix}`] = {
            table: model,
            columns: fields,
            unique: kind === "unique",
          };
        }
        continue;
      }
      if (line.startsWith("@@")) throw new Error(`schema-shape: unsupported block attribute in ${model}: ${line}`);

      const field = /^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/.exec(line);
      if (!field) throw new Error(`schema-shape: cannot read field in ${model}: ${line}`);
      const [, name, type, modifier, attributes] = field;

      if (modifier === "[]") continue; // the list side of a relation: no column
      if (modelNames.has(type)) {
        const relation = /@relation\(fields: \[([^\]]*)\], references: \[([^\]]*)\](.*)\)/.exec(attributes);
        if (!relation) throw new Error(`schema-shape: relation ${model}.${name} must name fields and references`);
        const columns = fieldList(relation[1]);
        const onDelete = /onDelete: (\w+)/.exec(relation[3])?.[1];
        const onUpdate = /onUpdate: (\w+)/.exec(relation[3])?.[1];
        shape.foreignKeys[`${model}_${columns.join("_")}_fkey`] = {
          table: model,
          columns,
          referencedTable: type,
          referencedColumns: fieldList(relation[2]),
          // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
          onDelete: REFERENTIAL_ACTIONS[onDelete ?? (modifier === "?" ? "SetNull" : "Restrict")],
          onUpdate: REFERENTIAL_ACTIONS[onUpdate ?? "Cascade"],
        };
        continue;
      }
      if (!SCALARS.has(type)) throw new Error(`schema-shape: unknown type ${type} for ${model}.${name}`);

      table.columns[name] = { type, nullable: modifier === "?", default: prismaDefault(attributes) };
      if (/@id\b/.test(attributes)) table.primaryKey = [name];
      if (/@unique\b/.test(attributes))
        shape.indexes[`${model}_${name}_key`] = { table: model, columns: [name], unique: true };
    }
  }
  return shape;
}

// ------------------------------------------------------------------------------------- live SQLite

type ColumnInfo = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
type IndexInfo = { name: string; unique: number; origin: string };
type ForeignKeyInfo = {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string;
  on_update: string;
  on_delete: string;
};

/**
 * Introspects a SQLite database with PRAGMAs. SQLite does not keep the names of foreign keys or of a
 * primary key, so those come back keyed `Table#n` and null; compare with `withoutConstraintNames`.
 */
export function introspectSqlite(db: Database.Database, ignoreTables: string[] = []): Shape {
  const shape: Shape = { tables: {}, indexes: {}, foreignKeys: {} };
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  for (const { name } of tables) {
    if (ignoreTables.includes(name)) continue;
    const table: Table = { columns: {}, primaryKey: [], primaryKeyName: null };
    shape.tables[name] = table;
    const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as ColumnInfo[];
    for (const column of columns) {
      const type = SQL_TYPES[column.type.toUpperCase()];
      if (!type) throw new Error(`schema-shape: unknown SQL type ${column.type} for ${name}.${column.name}`);
      table.columns[column.name] = { type, nullable: column.notnull === 0, default: sqlDefault(column.dflt_value) };
    }
    table.primaryKey = columns
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);

    for (const index of db.prepare(`PRAGMA index_list("${name}")`).all() as IndexInfo[]) {
      if (index.origin !== "c") continue; // "pk" and "u" are implied by the table definition
      const indexColumns = db.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string }[];
      shape.indexes[index.name] = {
        table: name,
        columns: indexColumns.sort((a, b) => a.seqno - b.seqno).map((column) => column.name),
        unique: index.unique === 1,
      };
    }

    const references = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as ForeignKeyInfo[];
    for (const id of new Set(references.map((reference) => reference.id))) {
      const parts = references.filter((reference) => reference.id === id).sort((a, b) => a.seq - b.seq);
      shape.foreignKeys[`${name}#${id}`] = {
        table: name,
        columns: parts.map((part) => part.from),
        referencedTable: parts[0].table,
        referencedColumns: parts.map((part) => part.to),
        onDelete: parts[0].on_delete,
        onUpdate: parts[0].on_update,
      };
    }
  }
  return shape;
}

// --------------------------------------------------------------------------------------- compare

/** The parts every source can state: primary-key names dropped, foreign keys as a sorted list. */
export function withoutConstraintNames(shape: Shape) {
  const tables = Object.fromEntries(
    Object.entries(shape.tables).map(([name, table]) => [name, { ...table, primaryKeyName: null }]),
  );
  const foreignKeys = Object.values(shape.foreignKeys)
    .map((foreignKey) => JSON.stringify(foreignKey))
    .sort()
    .map((json) => JSON.parse(json) as ForeignKey);
  return { tables, indexes: shape.indexes, foreignKeys };
}

/** Primary-key names dropped (SQLite does not name an inline or table-level primary key). */
export function withoutPrimaryKeyNames(shape: Shape): Shape {
  const tables = Object.fromEntries(
    Object.entries(shape.tables).map(([name, table]) => [name, { ...table, primaryKeyName: null }]),
  );
  return { ...shape, tables };
}
