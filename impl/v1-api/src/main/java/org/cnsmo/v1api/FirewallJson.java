/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.Port;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPort;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRange;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRangeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.yang.common.Uint16;

/**
 * The original six-field firewall rule ({@code direction}, {@code protocol}, {@code dst_port}, {@code dst_src},
 * {@code ip_range}, {@code action}) to and from CNSMO's firewall rules. {@code acpt} is accept, {@code rjct}
 * is reject and {@code drop} is drop; a drop or reject rule reads back as {@code rjct}. {@code dst_port} is
 * {@code "p"} or {@code "p1:pN"}, a string or a number. A rule made over v1 is named {@code v1-rule-<n>}.
 * Pure.
 */
final class FirewallJson {
    private static final Set<String> MEMBERS = Set.of("direction", "protocol", "dst_port", "dst_src", "ip_range",
        "action", "node", "priority");
    private static final String PREFIX = "v1-rule-";

    private FirewallJson() {
        // utility class
    }

    /**
     * A rule to create, from the body of {@code POST /services/fw/rules}.
     *
     * @param body the request body
     * @param name the name the new rule gets
     * @return the rule
     * @throws V1Error 400 naming the field
     */
    static Rule rule(final @Nullable JsonElement body, final String name) throws V1Error {
        final var object = Bodies.object(body, MEMBERS);
        final var builder = new RuleBuilder().setName(Names.object(name, "name"));
        builder.setDirection(switch (lower(Bodies.string(object, "direction"))) {
            case "in" -> Rule.Direction.In;
            case "out" -> Rule.Direction.Out;
            default -> throw V1Error.message(400, "direction: must be in or out");
        });
        builder.setAction(switch (lower(Bodies.string(object, "action"))) {
            case "acpt" -> Rule.Action.Accept;
            case "rjct" -> Rule.Action.Reject;
            case "drop" -> Rule.Action.Drop;
            default -> throw V1Error.message(400, "action: must be acpt, rjct or drop");
        });
        final var protocol = Bodies.optionalString(object, "protocol");
        if (protocol != null && !protocol.isBlank()) {
            final var known = Protocol.forName(lower(protocol));
            if (known == null) {
                throw V1Error.message(400, "protocol: must be tcp, udp, icmp or any, not '" + protocol + "'");
            }
            builder.setProtocol(known);
        }
        final var port = port(object.get("dst_port"));
        if (port != null) {
            builder.setPort(port);
        }
        final var match = Bodies.optionalString(object, "dst_src");
        if (match != null) {
            builder.setAddressMatch(switch (lower(match)) {
                case "dst" -> Rule.AddressMatch.Destination;
                case "src" -> Rule.AddressMatch.Source;
                default -> throw V1Error.message(400, "dst_src: must be dst or src");
            });
        }
        final var range = Bodies.optionalString(object, "ip_range");
        if (range != null) {
            builder.setAddressRange(Names.prefix(range, "ip_range"));
        }
        final var node = Bodies.optionalString(object, "node");
        if (node != null) {
            builder.setNode(Names.node(node, "node"));
        }
        if (object.has("priority")) {
            final long priority = Bodies.integer(object, "priority");
            if (priority < 0 || priority > 65535) {
                throw V1Error.message(400, "priority: must be from 0 to 65535");
            }
            builder.setPriority(Uint16.valueOf(priority));
        }
        return builder.build();
    }

    /** The name of the next rule made over v1, given the names in use. */
    static String nextName(final Collection<String> names) {
        return PREFIX + (names.stream().filter(name -> name.matches(PREFIX + "[0-9]{1,9}"))
            .mapToLong(name -> Long.parseLong(name.substring(PREFIX.length()))).max().orElse(0) + 1);
    }

    /**
     * Every rule in the six-field shape, plus its {@code name} and {@code node} (none: every node). Leaves
     * left out take their YANG defaults: protocol any, address-match destination, address-range 0.0.0.0/0.
     */
    static JsonArray rules(final Collection<Rule> rules) {
        final var array = new JsonArray();
        rules.stream().sorted(Comparator.comparing(rule -> rule.getName().getValue())).forEach(rule -> {
            final var json = new JsonObject();
            json.addProperty("direction", rule.getDirection() == null ? "" : rule.getDirection().getName());
            json.addProperty("protocol", rule.getProtocol() == null ? Protocol.Any.getName()
                : rule.getProtocol().getName());
            json.addProperty("dst_port", portText(rule.getPort()));
            json.addProperty("dst_src", rule.getAddressMatch() == Rule.AddressMatch.Source ? "src" : "dst");
            json.addProperty("ip_range", rule.getAddressRange() == null ? "0.0.0.0/0"
                : rule.getAddressRange().getValue());
            json.addProperty("action", rule.getAction() == Rule.Action.Accept ? "acpt" : "rjct");
            json.addProperty("name", rule.getName().getValue());
            if (rule.getNode() != null) {
                json.addProperty("node", rule.getNode().getValue());
            }
            array.add(json);
        });
        return array;
    }

    private static @Nullable Port port(final @Nullable JsonElement value) throws V1Error {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw V1Error.badBody("\"dst_port\" must be a string");
        }
        final var text = value.getAsString().strip();
        if (text.isEmpty()) {
            return null;
        }
        final var parts = text.split(":", -1);
        if (parts.length > 2) {
            throw V1Error.message(400, "dst_port: '" + text + "' is not a port or a range p1:pN");
        }
        final var lower = portNumber(parts[0], text);
        if (parts.length == 1) {
            return new DestinationPortBuilder().setDestinationPort(lower).build();
        }
        return new DestinationPortRangeBuilder().setDestinationPortRange(
            new org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.destination.port.range
                .DestinationPortRangeBuilder().setLower(lower).setUpper(portNumber(parts[1], text)).build())
            .build();
    }

    private static PortNumber portNumber(final String part, final String text) throws V1Error {
        if (!part.matches("[0-9]{1,5}") || Integer.parseInt(part) > 65535) {
            throw V1Error.message(400, "dst_port: '" + text + "' is not a port (0 to 65535) or a range p1:pN");
        }
        return new PortNumber(Uint16.valueOf(Integer.parseInt(part)));
    }

    private static String portText(final @Nullable Port port) {
        if (port instanceof DestinationPort single && single.getDestinationPort() != null) {
            return single.getDestinationPort().getValue().toString();
        }
        if (port instanceof DestinationPortRange range && range.getDestinationPortRange() != null) {
            final var bounds = range.getDestinationPortRange();
            return bounds.getLower().getValue() + ":" + bounds.getUpper().getValue();
        }
        return "";
    }

    private static String lower(final String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
