// The default of every leaf of the CNSMO YANG modules (yang/src/main/yang), read at build time so that the models
// stay the only copy of each default: build.mjs writes what defaultsOf finds into the module the bundle imports
// as 'cnsmo-yang-defaults', and src/defaults.js fills it into what RESTCONF reads (netconf 9.0.1's RESTCONF
// refuses with-defaults=report-all, and leaves a defaulted leaf nobody set out of its answers).
//
// This is not a YANG compiler (yangtools checks the modules in the Maven build): it knows the statements these
// modules use and throws, naming the file and line, on any other, rather than guess what a default means there.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export class YangError extends Error {}

/** The CNSMO YANG modules' directory, yang/src/main/yang of the repository. */
export const YANG_DIR = new URL('../../../../../yang/src/main/yang/', import.meta.url).pathname;

const fail = (stmt, message) => {
  throw new YangError(`${stmt.file}:${stmt.line}: ${message}`);
};

// ---- Lexer and statement parser (RFC 7950, 6.1 - 6.3) ----

/** The statements of a YANG text: [{ keyword, arg, children, file, line }]. */
export function parseYang(text, file = '<yang>') {
  const tokens = tokenize(text, file);
  let i = 0;
  const at = (t) => `${file}:${t ? t.line : 'end'}`;
  function statements(top) {
    const list = [];
    for (;;) {
      const t = tokens[i];
      if (!t) {
        if (top) return list;
        throw new YangError(`${at(t)}: missing '}'`);
      }
      if (t.kind === '}') {
        if (top) throw new YangError(`${at(t)}: unexpected '}'`);
        i += 1;
        return list;
      }
      if (t.kind !== 'word') throw new YangError(`${at(t)}: expected a keyword, found '${t.kind}'`);
      i += 1;
      const stmt = { keyword: t.value, arg: null, children: [], file, line: t.line };
      let next = tokens[i];
      if (next && next.kind === 'word') {
        stmt.arg = next.value;
        i += 1;
        next = tokens[i];
      }
      if (next && next.kind === ';') {
        i += 1;
      } else if (next && next.kind === '{') {
        i += 1;
        stmt.children = statements(false);
      } else {
        throw new YangError(`${at(next)}: expected ';' or '{' after '${t.value}'`);
      }
      list.push(stmt);
    }
  }
  return statements(true);
}

function tokenize(text, file) {
  const tokens = [];
  let i = 0;
  let line = 1;
  const error = (message) => {
    throw new YangError(`${file}:${line}: ${message}`);
  };
  const advance = (n) => {
    for (let k = 0; k < n; k += 1) if (text[i + k] === '\n') line += 1;
    i += n;
  };
  const skipSpace = () => {
    for (;;) {
      if (/\s/.test(text[i] ?? '')) advance(1);
      else if (text.startsWith('//', i)) {
        const end = text.indexOf('\n', i);
        advance((end < 0 ? text.length : end) - i);
      }
      else if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) error('unterminated comment');
        advance(end + 2 - i);
      } else return;
    }
  };
  const quoted = () => {
    const quote = text[i];
    const start = line;
    advance(1);
    let value = '';
    while (text[i] !== quote) {
      if (i >= text.length) {
        line = start;
        error('unterminated string');
      }
      if (quote === '"' && text[i] === '\\') {
        const escaped = { n: '\n', t: '\t', '"': '"', '\\': '\\' }[text[i + 1]];
        if (escaped === undefined) error(`illegal escape '\\${text[i + 1]}' in a double-quoted string`);
        value += escaped;
        advance(2);
      } else {
        value += text[i];
        advance(1);
      }
    }
    advance(1);
    return value;
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return tokens;
    const c = text[i];
    if (c === ';' || c === '{' || c === '}') {
      tokens.push({ kind: c, line });
      advance(1);
    } else if (c === '"' || c === "'") {
      // A quoted string, possibly "a" + "b" concatenated (6.1.3). Whitespace inside a multi-line double-quoted
      // string is kept as written: only descriptions span lines, and they are not used here.
      const tokenLine = line;
      let value = quoted();
      for (;;) {
        const save = [i, line];
        skipSpace();
        if (text[i] === '+') {
          advance(1);
          skipSpace();
          if (text[i] !== '"' && text[i] !== "'") error("expected a quoted string after '+'");
          value += quoted();
        } else {
          [i, line] = save;
          break;
        }
      }
      tokens.push({ kind: 'word', value, line: tokenLine });
    } else {
      const start = i;
      while (i < text.length && !/[\s;{}"']/.test(text[i]) && !text.startsWith('//', i)
        && !text.startsWith('/*', i)) i += 1;
      tokens.push({ kind: 'word', value: text.slice(start, i), line });
    }
  }
}

// ---- The statements these modules use, and where ----

// Statements that carry nothing a default depends on, accepted (and ignored) wherever they are listed.
const NOTES = ['description', 'reference', 'status'];
const DATA = ['container', 'list', 'leaf', 'leaf-list', 'choice', 'uses'];
const ALLOWED = {
  module: [...NOTES, 'yang-version', 'namespace', 'prefix', 'import', 'organization', 'contact', 'revision',
    'typedef', 'grouping', 'rpc', ...DATA.filter((k) => k !== 'uses')],
  import: [...NOTES, 'prefix', 'revision-date'],
  revision: [...NOTES],
  typedef: [...NOTES, 'type', 'units', 'default'],
  grouping: [...NOTES, ...DATA],
  container: [...NOTES, 'config', 'presence', 'must', ...DATA],
  list: [...NOTES, 'config', 'key', 'unique', 'min-elements', 'max-elements', 'ordered-by', 'must', ...DATA],
  leaf: [...NOTES, 'type', 'default', 'units', 'mandatory', 'config', 'must'],
  'leaf-list': [...NOTES, 'type', 'units', 'config', 'min-elements', 'max-elements', 'ordered-by', 'must'],
  choice: [...NOTES, 'config', 'mandatory', 'default', 'case', ...DATA.filter((k) => k !== 'uses' && k !== 'choice')],
  case: [...NOTES, ...DATA],
  uses: [...NOTES],
  rpc: [...NOTES, 'input', 'output'],
  input: ['must', ...DATA],
  output: ['must', ...DATA],
  // Restrictions of a type do not change a default's JSON encoding; enum names are checked.
  type: ['type', 'enum', 'range', 'length', 'pattern', 'fraction-digits', 'path', 'require-instance', 'base', 'bit'],
  enum: [...NOTES, 'value'],
  bit: [...NOTES, 'position'],
  range: [...NOTES, 'error-message', 'error-app-tag'],
  length: [...NOTES, 'error-message', 'error-app-tag'],
  pattern: [...NOTES, 'error-message', 'error-app-tag', 'modifier'],
  must: [...NOTES, 'error-message', 'error-app-tag'],
};

const unhandled = (child, parent) => fail(child,
  `'${child.keyword}' in '${parent.keyword}' is not handled by yang-defaults.mjs`);

/** Throws unless every substatement of stmt (and of those, recursively) is one this file knows there. */
function checkStatements(stmt) {
  const allowed = ALLOWED[stmt.keyword];
  if (!allowed) {
    // A statement such as 'key' or 'default': its argument is all there is.
    if (stmt.children.length) unhandled(stmt.children[0], stmt);
    return;
  }
  for (const child of stmt.children) {
    if (!allowed.includes(child.keyword)) unhandled(child, stmt);
    checkStatements(child);
  }
}

const sub = (stmt, keyword) => stmt.children.filter((c) => c.keyword === keyword);
const one = (stmt, keyword) => {
  const found = sub(stmt, keyword);
  if (found.length > 1) fail(found[1], `more than one '${keyword}'`);
  return found[0];
};

// ---- Types ----

const INTEGERS = {
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-2147483648n, 2147483647n],
  int64: [-9223372036854775808n, 9223372036854775807n],
  uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 4294967295n], uint64: [0n, 18446744073709551615n],
};
const BUILTIN = new Set([...Object.keys(INTEGERS), 'decimal64', 'string', 'boolean', 'enumeration', 'bits',
  'binary', 'leafref', 'identityref', 'empty', 'union', 'instance-identifier']);

// Typedefs of modules that are not in yang/src/main/yang, by module and name: their built-in base type. A
// leaf with a default of another external type fails the build (add its RFC's base type here). Neither
// module defines a typedef default (RFC 6991), so a leaf without a default of their types has none.
const EXTERNAL = {
  'ietf-inet-types': { 'domain-name': 'string' },
  'ietf-yang-types': {},
};

/**
 * The built-in type a type statement comes down to, in the module that writes it: { base, enums, default, at },
 * default being the nearest typedef's default (RFC 7950, 7.3.4), enums the names an enumeration allows.
 */
function resolveType(modules, module, typeStmt, seen = new Set()) {
  const name = typeStmt.arg;
  const [prefix, local] = name.includes(':') ? name.split(':') : [module.prefix, name];
  const target = prefix === module.prefix ? module : module.imports[prefix];
  if (target === undefined) fail(typeStmt, `unknown prefix '${prefix}' in type '${name}'`);
  const enums = sub(typeStmt, 'enum').map((e) => e.arg);
  if (prefix === module.prefix && BUILTIN.has(local)) {
    if (local === 'enumeration' && !enums.length) fail(typeStmt, 'an enumeration without enum');
    return { base: local, enums: local === 'enumeration' ? enums : null, default: undefined, at: typeStmt };
  }
  let resolved;
  if (typeof target === 'string') { // a module not read here
    const base = EXTERNAL[target]?.[local];
    if (base === undefined && !(target in EXTERNAL)) {
      fail(typeStmt, `type '${name}' of module ${target}, which is not in the YANG directory`);
    }
    resolved = { base, external: `${target}:${local}`, enums: null, default: undefined, at: typeStmt };
  } else {
    const typedef = target.typedefs.get(local);
    if (!typedef) fail(typeStmt, `no typedef '${local}' in module ${target.name}`);
    const key = `${target.name}:${local}`;
    if (seen.has(key)) fail(typeStmt, `typedef ${key} refers to itself`);
    const inner = resolveType(modules, target, one(typedef, 'type'), new Set([...seen, key]));
    const own = one(typedef, 'default');
    resolved = { ...inner, default: own ? { value: own.arg, stmt: own } : inner.default };
  }
  if (enums.length) {
    if (resolved.base !== 'enumeration') fail(typeStmt, `enum in a restriction of ${name}, not an enumeration`);
    resolved = { ...resolved, enums };
  }
  return resolved;
}

/** A default's value as RFC 7951 JSON encodes it, checked against its type. */
function jsonValue(type, value, stmt) {
  const where = `default '${value}'`;
  if (type.base === undefined) {
    fail(stmt, `${where} of type ${type.external}, whose base type yang-defaults.mjs does not know (see EXTERNAL)`);
  }
  if (type.base in INTEGERS) {
    // Hexadecimal and octal defaults (RFC 7950, 9.2.1) are not used here.
    if (!/^[+-]?(0|[1-9][0-9]*)$/.test(value)) fail(stmt, `${where} is not a decimal ${type.base}`);
    const [low, high] = INTEGERS[type.base];
    const big = BigInt(value);
    if (big < low || big > high) fail(stmt, `${where} is outside ${type.base}`);
    // RFC 7951, 6.1: 64-bit integers are JSON strings, the others JSON numbers.
    return type.base.endsWith('64') ? big.toString() : Number(big);
  }
  if (type.base === 'boolean') {
    if (value !== 'true' && value !== 'false') fail(stmt, `${where} is not a boolean`);
    return value === 'true';
  }
  if (type.base === 'enumeration') {
    if (!type.enums.includes(value)) fail(stmt, `${where} is not one of ${type.enums.join(', ')}`);
    return value;
  }
  if (type.base === 'string') return value;
  return fail(stmt, `${where} of type ${type.base}, which yang-defaults.mjs does not encode`);
}

// ---- Modules and their data trees ----

function moduleOf(stmts, file) {
  if (stmts.length !== 1 || stmts[0].keyword !== 'module') {
    throw new YangError(`${file}: expected one 'module' statement${stmts[0]?.keyword === 'submodule'
      ? ' (submodules are not handled by yang-defaults.mjs)' : ''}`);
  }
  const stmt = stmts[0];
  checkStatements(stmt);
  const prefix = one(stmt, 'prefix');
  if (!prefix) fail(stmt, `module ${stmt.arg} has no prefix`);
  const named = (keyword) => new Map(sub(stmt, keyword).map((s) => [s.arg, s]));
  return { name: stmt.arg, stmt, prefix: prefix.arg, importStmts: sub(stmt, 'import'),
    typedefs: named('typedef'), groupings: named('grouping'), imports: {} };
}

/**
 * The defaults of a set of modules, [{ file, text }]: { nodes, defaults }, nodes giving the kind of every
 * container ('container' or, with presence, 'presence'), list, rpc, input and output by schema path, defaults
 * the JSON value of every leaf's default, by schema path ('cnsmo-firewall:firewall/rule/priority': 100). A
 * schema path is the data path without keys; choice and case add no step.
 */
export function defaultsOf(sources) {
  const modules = new Map();
  for (const { file, text } of sources) {
    const module = moduleOf(parseYang(text, file), file);
    if (modules.has(module.name)) fail(module.stmt, `module ${module.name} is there twice`);
    modules.set(module.name, module);
  }
  for (const module of modules.values()) {
    for (const imp of module.importStmts) {
      // A module read here, or the name of one that is not (its typedefs then come from EXTERNAL).
      const prefix = one(imp, 'prefix') ?? fail(imp, `import ${imp.arg} without prefix`);
      module.imports[prefix.arg] = modules.get(imp.arg) ?? imp.arg;
    }
  }
  const nodes = {};
  const defaults = {};
  const add = (table, path, value, stmt) => {
    if (path in nodes || path in defaults) fail(stmt, `schema path ${path} is defined twice`);
    table[path] = value;
  };

  // ctx: the module whose prefixes and groupings the statements use (a grouping's own); parent: the schema
  // path above; choice: the choice statement the nodes are under, if any.
  function walk(stmts, ctx, parent, choice, depth) {
    if (depth > 64) fail(stmts[0], 'groupings nested too deep (a uses cycle?)');
    for (const stmt of stmts) {
      const path = parent === null ? `${ctx.name}:${stmt.arg}` : `${parent}/${stmt.arg}`;
      switch (stmt.keyword) {
        case 'container':
        case 'list':
          add(nodes, path, stmt.keyword === 'list' ? 'list' : one(stmt, 'presence') ? 'presence' : 'container',
            stmt);
          walk(stmt.children, ctx, path, choice, depth);
          break;
        case 'leaf': {
          const type = resolveType(modules, ctx, one(stmt, 'type'));
          const own = one(stmt, 'default');
          const mandatory = one(stmt, 'mandatory')?.arg === 'true';
          const dflt = own ? { value: own.arg, stmt: own } : mandatory ? undefined : type.default;
          if (dflt) {
            if (choice) {
              fail(dflt.stmt, `a default under choice '${choice.arg}' (line ${choice.line}): it applies only in the `
                + 'case that is there, which yang-defaults.mjs does not model');
            }
            add(defaults, path, jsonValue(type, dflt.value, dflt.stmt), stmt);
          }
          break;
        }
        case 'leaf-list': {
          // A leaf-list's defaults (RFC 7950, 7.7.2) are not used here: fail if its type would bring one.
          const type = resolveType(modules, ctx, one(stmt, 'type'));
          if (type.default) fail(stmt, 'a leaf-list whose type has a default');
          break;
        }
        case 'choice':
          if (one(stmt, 'default')) fail(one(stmt, 'default'), 'a default case');
          walk(stmt.children, ctx, parent, choice ?? stmt, depth);
          break;
        case 'case':
          walk(stmt.children, ctx, parent, choice, depth);
          break;
        case 'uses': {
          const [prefix, local] = stmt.arg.includes(':') ? stmt.arg.split(':') : [ctx.prefix, stmt.arg];
          const owner = prefix === ctx.prefix ? ctx : ctx.imports[prefix];
          if (owner === undefined) fail(stmt, `unknown prefix '${prefix}' in uses ${stmt.arg}`);
          if (typeof owner === 'string') fail(stmt, `grouping of module ${owner}, which is not in the YANG directory`);
          const grouping = owner.groupings.get(local);
          if (!grouping) fail(stmt, `no grouping '${local}' in module ${owner.name}`);
          // The grouping's nodes take the using module's namespace (no prefix in the path) and its own prefixes.
          walk(grouping.children, owner, parent, choice, depth + 1);
          break;
        }
        case 'rpc':
          add(nodes, path, 'rpc', stmt);
          walk(stmt.children, ctx, path, choice, depth);
          break;
        case 'input':
        case 'output':
          add(nodes, `${parent}/${stmt.keyword}`, stmt.keyword, stmt);
          walk(stmt.children, ctx, `${parent}/${stmt.keyword}`, choice, depth);
          break;
        default:
          // Anything else here carries no data node (checkStatements let only those through).
          break;
      }
    }
  }
  for (const module of modules.values()) {
    // A typedef's type is resolved even when no leaf uses it, so that a wrong default fails here too.
    for (const typedef of module.typedefs.values()) {
      const type = resolveType(modules, module, one(typedef, 'type'));
      if (type.default) jsonValue(type, type.default.value, type.default.stmt);
    }
    // Groupings are walked where they are used; the data nodes of the module are those outside them.
    walk(module.stmt.children.filter((s) => s.keyword !== 'grouping'), module, null, null, 0);
  }
  return { nodes, defaults };
}

/** defaultsOf the .yang files of a directory. */
export async function readDefaults(dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yang')).sort();
  if (!files.length) throw new YangError(`${dir}: no .yang file`);
  return defaultsOf(await Promise.all(files.map(async (f) => ({ file: join(dir, f),
    text: await readFile(join(dir, f), 'utf8') }))));
}

/** The source of the generated module: the defaults as its default export. */
export function defaultsModule(model, from) {
  return `// Generated by build.mjs from the YANG modules in ${from}: do not edit.\n`
    + `export default ${JSON.stringify(model, null, 2)};\n`;
}
