// The firewall page's add form, apart from Preact so that Node's tests can run it: its checks
// (yang/src/main/yang/cnsmo-firewall) and the rule it sends.
import { DEFAULT_OPTION, givenLeaves, unlessEmpty } from './forms.js';
import * as v from './validate.js';

/**
 * The add form's initial state. The leaves with a model default (address-match, address-range, priority)
 * start empty and are left to the controller unless the user sets them.
 */
export const EMPTY_RULE = { name: '', node: '', direction: 'in', protocol: 'tcp', portKind: 'single', port: '',
  lower: '', upper: '', addressMatch: '', addressRange: '', action: 'drop', priority: '' };

export const ADDRESS_MATCHES = [DEFAULT_OPTION, ['destination'], ['source']];

/** Whether the chosen protocol has ports. */
export const withPorts = (form) => form.protocol === 'tcp' || form.protocol === 'udp';

/** The form's errors, {field: message}. */
export function validateRule(form) {
  return v.check({
    name: v.objectName(form.name),
    port: withPorts(form) && form.portKind === 'single' ? v.port(form.port) : null,
    range: withPorts(form) && form.portKind === 'range' ? v.portRange(form.lower, form.upper) : null,
    addressRange: unlessEmpty(form.addressRange, v.ipv4Prefix),
    priority: unlessEmpty(form.priority, v.priority),
  });
}

/** The rule a valid form describes, as RESTCONF (and the what-if preview) takes it: only what the user set. */
export function ruleOf(form) {
  const rule = { name: form.name, direction: form.direction, protocol: form.protocol,
    ...givenLeaves([['address-match', form.addressMatch], ['address-range', form.addressRange]]),
    action: form.action, ...givenLeaves([['priority', form.priority, Number]]) };
  if (form.node) rule.node = form.node;
  if (withPorts(form) && form.portKind === 'single') rule['destination-port'] = Number(form.port);
  if (withPorts(form) && form.portKind === 'range') {
    rule['destination-port-range'] = { lower: Number(form.lower), upper: Number(form.upper) };
  }
  return rule;
}
