/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;

/**
 * Every call of the v1 contract, each a route (method, path with {@code {parameters}}) and a handler over
 * {@link V1Store}. Matching ignores the case of the fixed segments, as Express did ({@code blockByPort}).
 */
final class V1Calls {
    /** Handles one call. */
    @FunctionalInterface
    interface Handler {
        V1Answer handle(List<String> parameters, @Nullable JsonElement body) throws V1Error;
    }

    /**
     * A matched call.
     *
     * @param parameters the values of the route's parameters, in order
     * @param handler what answers it
     * @param write whether it changes anything (or hands out a private key): admin only
     * @param readsBody whether it takes a JSON body
     */
    record Call(List<String> parameters, Handler handler, boolean write, boolean readsBody) {
    }

    private record Route(String method, List<String> segments, Handler handler, boolean write) {
        @Nullable List<String> match(final String requestMethod, final List<String> path) {
            if (!method.equals(requestMethod) && !("GET".equals(method) && "HEAD".equals(requestMethod))) {
                return null;
            }
            return matchPath(path);
        }

        @Nullable List<String> matchPath(final List<String> path) {
            if (path.size() != segments.size()) {
                return null;
            }
            final var parameters = new ArrayList<String>();
            for (int i = 0; i < path.size(); i++) {
                final var segment = segments.get(i);
                if (segment.startsWith("{")) {
                    parameters.add(path.get(i));
                } else if (!segment.equals(path.get(i).toLowerCase(Locale.ROOT))) {
                    return null;
                }
            }
            return parameters;
        }
    }

    private final List<Route> routes;
    private final V1Store store;
    private final IssuedBundles bundles;

    V1Calls(final V1Store store, final IssuedBundles bundles) {
        this.store = requireNonNull(store);
        this.bundles = requireNonNull(bundles);
        routes = List.of(
            read("GET", "services/sdn/nodes", (p, b) -> V1Answer.ok(NodeJson.nodes(store.nodes(),
                store.nodeStatus()))),
            read("GET", "services/sdn/flows", (p, b) -> V1Answer.ok(NodeJson.flows(store.nodes(),
                store.nodeStatus(), store.filters()))),
            read("GET", "services/sdn/nodes/{node}/blockedtcpports", (p, b) -> V1Answer.ok(
                FilterJson.blockedTcpPorts(store.filters(), knownNode(p.get(0), 400)))),
            write("PUT", "services/sdn/blockbyport", (p, b) -> V1Answer.ok(FilterJson.created(
                store.createFilter(name -> FilterJson.blockRequest(b, name))))),
            write("DELETE", "services/sdn/nodes/{node}/flows/{flow}", (p, b) -> {
                store.deleteFilter(filterOf(p.get(0), p.get(1)).getName().getValue());
                return V1Answer.empty();
            }),
            read("GET", "services/sdn/nodes/{node}/flows/{flow}/monitoring", (p, b) -> V1Answer.ok(
                FilterJson.packets(store.packets(filterOf(p.get(0), p.get(1)).getName().getValue())))),
            write("POST", "certs/clients/{name}", (p, b) -> issue(p.get(0))),
            // The files hold a private key: only a writer may fetch them.
            write("GET", "certs/clients/{name}/{file}", (p, b) -> file(p.get(0), p.get(1))),
            read("GET", "services/dns/records", (p, b) -> V1Answer.ok(DnsJson.records(store.records()))),
            write("POST", "services/dns/record", (p, b) -> {
                store.putRecords(DnsJson.parse(b));
                return V1Answer.empty();
            }),
            read("GET", "services/fw/rules", (p, b) -> V1Answer.ok(FirewallJson.rules(store.rules()))),
            write("POST", "services/fw/rules", (p, b) -> {
                store.createRule(name -> FirewallJson.rule(b, name));
                return V1Answer.NO_CONTENT;
            }));
    }

    /** The call for a request, or a 404 (unknown path) or 405 (known path, other method). */
    Call find(final String method, final List<String> path) throws V1Error {
        boolean pathKnown = false;
        for (var route : routes) {
            final var parameters = route.match(method, path);
            if (parameters != null) {
                return new Call(List.copyOf(parameters), route.handler(), route.write(),
                    !"GET".equals(route.method()) && !"DELETE".equals(route.method()));
            }
            pathKnown |= route.matchPath(path) != null;
        }
        if (pathKnown) {
            throw V1Error.message(405, method + " is not a v1 call on /" + String.join("/", path));
        }
        throw V1Error.message(404, "There is no v1 call " + method + " /" + String.join("/", path));
    }

    private static Route read(final String method, final String path, final Handler handler) {
        return new Route(method, List.of(path.split("/")), handler, false);
    }

    private static Route write(final String method, final String path, final Handler handler) {
        return new Route(method, List.of(path.split("/")), handler, true);
    }

    private String knownNode(final String node, final int status) throws V1Error {
        if (store.node(node).isEmpty()) {
            throw V1Error.message(status, "Node in the request is invalid: there is no node '" + node + "'");
        }
        return node;
    }

    private Filter filterOf(final String node, final String flow) throws V1Error {
        knownNode(node, 404);
        return store.filters().stream()
            .filter(filter -> filter.getName().getValue().equals(flow))
            .filter(filter -> filter.getNode() != null && node.equals(filter.getNode().getValue()))
            .findFirst()
            .orElseThrow(() -> V1Error.message(404, "Node '" + node + "' has no flow '" + flow + "'"));
    }

    private V1Answer issue(final String name) throws V1Error {
        final var bundle = store.generateBundle(name);
        bundles.put(name, new IssuedBundles.Files(bundle.getClientKey(), bundle.getClientCrt(),
            bundle.getClientConf(), bundle.getCaCrt()));
        return V1Answer.NO_CONTENT;
    }

    private V1Answer file(final String name, final String which) throws V1Error {
        final var text = bundles.get(name)
            .orElseThrow(() -> V1Error.message(404, "No bundle was issued for client '" + name
                + "' since the controller started; POST /certs/clients/" + name + " issues one"))
            .file(which.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> V1Error.message(404, "No file '" + which + "': use key, cert, config or ca"));
        final var json = new JsonObject();
        json.addProperty("data", text);
        json.addProperty("statusCode", 200);
        return V1Answer.ok(json);
    }
}
