// The YANG models' defaults filled into what RESTCONF reads. RESTCONF leaves a leaf nobody set out of its answer,
// and netconf 9.0.1's RESTCONF refuses with-defaults=report-all, so the dashboard applies the defaults itself:
// build.mjs extracts them from yang/src/main/yang (yang-defaults.mjs) into the model withDefaults
// (modelDefaults.js) uses, and no view writes a default of its own.

const indexes = new WeakMap();

/** For each schema path, the children that are a default or lead to one: [{ name, path, kind, value }]. */
function indexOf(model) {
  let index = indexes.get(model);
  if (index) return index;
  index = new Map();
  const addChild = (path, child) => {
    const parent = path.slice(0, path.lastIndexOf('/'));
    const children = index.get(parent) ?? [];
    if (!children.some((c) => c.path === path)) children.push({ ...child, path, name: path.slice(parent.length + 1) });
    index.set(parent, children);
  };
  for (const [path, value] of Object.entries(model.defaults)) {
    addChild(path, { kind: 'leaf', value });
    // Every container or list above the leaf (the top one has no parent to list it under).
    for (let p = path.slice(0, path.lastIndexOf('/')); p.includes('/'); p = p.slice(0, p.lastIndexOf('/'))) {
      addChild(p, { kind: model.nodes[p] });
    }
  }
  indexes.set(model, index);
  return index;
}

function fill(index, path, value) {
  if (Array.isArray(value)) return value.map((entry) => fill(index, path, entry));
  if (value === null || typeof value !== 'object') return value;
  const filled = { ...value };
  for (const child of index.get(path) ?? []) {
    const present = filled[child.name];
    if (child.kind === 'leaf') {
      if (present === undefined) filled[child.name] = child.value;
    } else if (child.kind === 'list' || child.kind === 'presence') {
      // A list's entries and a presence container exist only as read.
      if (present !== undefined) filled[child.name] = fill(index, child.path, present);
    } else {
      // A container without presence is there with its defaults even when RESTCONF leaves it out.
      filled[child.name] = fill(index, child.path, present ?? {});
    }
  }
  return filled;
}

/**
 * value, as read from RESTCONF at the schema path (the data path without keys: 'cnsmo-firewall:firewall/rule'),
 * with every leaf the model gives a default and that value lacks, in the containers and list entries below;
 * an array is a list's entries, each filled. model is { nodes, defaults } as yang-defaults.mjs's defaultsOf
 * gives it. The value is not changed: what is filled is a copy.
 */
export function fillDefaults(model, path, value) {
  if (!(path in model.nodes)) throw new Error(`No container or list ${path} in the YANG models.`);
  return fill(indexOf(model), path, value);
}
