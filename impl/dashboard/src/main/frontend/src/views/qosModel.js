// QoS policies as the dashboard shows and writes them: pure, tested with node --test.
import { givenLeaves } from '../forms.js';

const list = (value, ...path) => path.reduce((v, p) => v?.[p], value) ?? [];

/** The policy's state on each node, as the controller observed it. */
export function nodeStates(policy) {
  return list(policy, 'status', 'node-status');
}

/** The dropped-packet histories of every policy on every node, in the shape the chart draws. */
export function droppedSeries(policies) {
  return policies.flatMap((p) => nodeStates(p).filter((n) => n.dropped)
    .map((n) => ({ name: `${p.name} on ${n.node}`, status: { statistics: n.dropped } })));
}

/** The policy a filled-in form describes (every field of cnsmo-qos:policy the user set). */
export function policyOf(form) {
  const policy = { name: form.name };
  if (form.nodes.length) policy.node = form.nodes;
  if (form.description) policy.description = form.description;
  if (form.limit) {
    policy['bandwidth-limit'] = { ...givenLeaves([['direction', form.direction]]), 'max-kbps': Number(form.maxKbps) };
    if (form.maxBurstKbits !== '') policy['bandwidth-limit']['max-burst-kbits'] = Number(form.maxBurstKbits);
  }
  if (form.mark) policy['dscp-marking'] = { 'dscp-mark': Number(form.dscp) };
  return policy;
}


/** The policies naming a node, each with its state there. */
export function policiesOfNode(policies, node) {
  return policies.filter((p) => (p.node ?? []).includes(node))
    .map((p) => ({ policy: p, state: nodeStates(p).find((n) => n.node === node) }));
}
