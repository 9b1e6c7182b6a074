// The model's constraints (yang/src/main/yang), checked before a form is sent. The controller checks them
// again; these only spare a round trip and use the model's own error messages.
const OCTET = '([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])';
const IPV4 = new RegExp(`^(${OCTET}\\.){3}${OCTET}$`);
const IPV4_PREFIX = new RegExp(`^(${OCTET}\\.){3}${OCTET}/([0-9]|[1-2][0-9]|3[0-2])$`);
const NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const DNS_LABEL = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DNS_NAME = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*$`);
const IPV6 = /^[0-9A-Fa-f:.]+$/;

const required = (value) => (value === undefined || value === null || `${value}`.trim() === ''
  ? 'Required.' : null);

export function nodeName(value) {
  return required(value) ?? (value.length > 63 ? 'A node name has 1 to 63 characters.'
    : NAME.test(value) ? null : 'Letters, digits, dot, dash and underscore; starts and ends with a letter or digit.');
}

export function objectName(value) {
  return required(value) ?? (value.length > 64 ? 'A name has 1 to 64 characters.'
    : NAME.test(value) ? null : 'Letters, digits, dot, dash and underscore; starts and ends with a letter or digit.');
}

export function port(value) {
  if (required(value)) return 'Required.';
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= 65535 ? null
    : 'A port number is between 1 and 65535.';
}

export function ipv4Address(value) {
  return required(value) ?? (IPV4.test(value) ? null
    : 'Not an IPv4 address: expected four numbers 0-255 such as 10.8.0.6.');
}

export function ipv4Prefix(value) {
  return required(value) ?? (IPV4_PREFIX.test(value) ? null
    : 'Not an IPv4 prefix: expected an address and a length 0-32 such as 10.8.0.0/24.');
}

export function portRange(lower, upper) {
  const error = port(lower) ?? port(upper);
  if (error) return error;
  return Number(lower) <= Number(upper) ? null : 'The lower port must not be above the upper port.';
}

export function priority(value) {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= 1000 ? null : 'A priority is between 1 and 1000.';
}

export function recordName(value) {
  return required(value) ?? (value.length <= 253 && DNS_NAME.test(value) ? null
    : 'Not a DNS name: labels of letters, digits and dashes separated by dots.');
}

export function recordValue(type, value) {
  if (required(value)) return 'Required.';
  if (type === 'A') return ipv4Address(value);
  if (type === 'AAAA') return IPV6.test(value) && value.includes(':') ? null : 'Not an IPv6 address.';
  return recordName(value.replace(/\.$/, ''));
}

export function tokenValidity(value) {
  const number = Number(value);
  return Number.isInteger(number) && number >= 60 && number <= 604800 ? null
    : 'A token is valid for 60 seconds to 7 days (604800 seconds).';
}

/** The first error of a form, as {field: message}, or an empty object when it is valid. */
export function check(rules) {
  const errors = {};
  for (const [field, error] of Object.entries(rules)) {
    if (error) errors[field] = error;
  }
  return errors;
}
