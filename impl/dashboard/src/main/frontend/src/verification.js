// The verifier's answers as the firewall page shows them: pure, tested with node --test.

const list = (value, ...path) => path.reduce((v, p) => v?.[p], value) ?? [];

/** What the verifier found of a rule, in words, or null when the rule decides something everywhere. */
export function findingOf(rule) {
  const found = rule.verification;
  if (!found) return null;
  const shadowedBy = list(found, 'shadowed-by');
  if (shadowedBy.length) return { kind: 'shadowed', text: `shadowed by ${shadowedBy.join(', ')}` };
  if (found.redundant) return { kind: 'redundant', text: 'redundant: removing it changes nothing' };
  const onSome = list(found, 'node-finding').filter((n) => list(n, 'shadowed-by').length || n.redundant);
  if (onSome.length) {
    return { kind: 'partly', text: onSome.map((n) => (list(n, 'shadowed-by').length
      ? `shadowed on ${n.node} by ${list(n, 'shadowed-by').join(', ')}` : `redundant on ${n.node}`)).join('; ') };
  }
  return null;
}

/** The check-reachability input a filled-in question describes; ports only for TCP and UDP. */
export function reachabilityInput(form) {
  const input = { source: form.source.trim(), destination: form.destination.trim(), protocol: form.protocol };
  if (form.protocol !== 'icmp' && form.ports.trim()) {
    const [lower, upper] = form.ports.split('-').map((p) => Number(p.trim()));
    if (upper === undefined) input['destination-port'] = lower;
    else input['destination-port-range'] = { lower, upper };
  }
  return input;
}

const portsOf = (lower, upper) => (lower === upper ? `${lower}` : `${lower}-${upper}`);

/** The rule a hop or a verdict names ("rule web", "egress of a: rule web"), or null. */
export function ruleNamed(element) {
  const match = /(?:^|: )rule (.+)$/.exec(element ?? '');
  return match ? match[1] : null;
}

/**
 * A check-reachability answer as lines: the overall answer, one line per class (ports, outcome and the deciding
 * element) and the rules that decided, to highlight in the list.
 */
export function reachabilityAnswer(output) {
  const verdicts = list(output, 'verdict');
  const lines = verdicts.map((v) => ({
    ports: v.protocol === 'icmp' ? 'echo' : portsOf(v['port-lower'], v['port-upper']),
    source: v.source, destination: v.destination, outcome: v.outcome, decidedBy: v['decided-by'],
  }));
  const deciding = new Set(verdicts.flatMap((v) => [ruleNamed(v['decided-by']),
    ...list(v, 'hop').filter((h) => h['element-kind'] === 'rule').map((h) => h.element)]).filter(Boolean));
  return { reachability: output.reachability, path: list(output, 'path'), lines, deciding };
}

/** The what-if input that adds (or replaces) one rule, in the RPC's put-rule shape. */
export function putRuleInput(rule) {
  return { 'put-rule': [rule] };
}

/** The what-if input that deletes one rule. */
export function deleteRuleInput(name) {
  return { 'delete-rule': [name] };
}

/**
 * A what-if answer as the preview the user confirms: the validation errors it would get (a change that would be
 * refused cannot be confirmed), and what it would newly block and allow, each with the rule responsible.
 */
export function previewOf(output) {
  const errors = list(output, 'validation-error').map((e) => (e.path ? `${e.path}: ${e.reason}` : e.reason));
  const line = (c) => `${c['source-node']} -> ${c['destination-node']} ${c.protocol}`
    + (c.protocol === 'icmp' ? '' : ` ${portsOf(c['port-lower'], c['port-upper'])}`)
    + ` (${c.before} -> ${c.after}, ${c.responsible})`;
  const changes = list(output, 'change');
  return {
    errors,
    blocked: changes.filter((c) => c.kind === 'newly-blocked').map(line),
    allowed: changes.filter((c) => c.kind === 'newly-allowed').map(line),
    refusals: changes.filter((c) => c.kind === 'refusal-changed').map(line),
    confirmable: errors.length === 0,
  };
}
