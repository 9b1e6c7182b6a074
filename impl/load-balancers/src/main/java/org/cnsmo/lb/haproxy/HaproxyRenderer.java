/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb.haproxy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cnsmo.api.files.PrivateFiles;
import org.cnsmo.api.process.ProcessSupervisor;
import org.cnsmo.lb.LoadBalancerIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps HAProxy serving the current load balancers: it runs while at least one exists and stops with the
 * last; a change is written to its configuration and applied by a reload ({@code SIGUSR2} to the
 * master-worker master), which keeps the connections in progress. The VIPs are held on the overlay device
 * before HAProxy binds them.
 *
 * <p>Files, in a directory only the controller's user can enter: {@code haproxy.cfg}, the runtime API's
 * socket {@code runtime.sock} and HAProxy's own log, {@code haproxy.log}. Not thread-safe: confined to the
 * supervisor's executor.
 */
public final class HaproxyRenderer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HaproxyRenderer.class);

    private final Path config;
    private final Path socket;
    private final String haproxy;
    private final ProcessSupervisor supervisor;
    private final VipAddresses vips;
    private final VipAddresses.Commands commands;
    private List<LoadBalancerIntent> current = List.of();
    private Optional<String> problem = Optional.empty();

    /**
     * A renderer that runs nothing yet.
     *
     * @param dir its directory, created 0700 if missing
     * @param haproxy the HAProxy executable
     * @param supervisor the supervisor of the HAProxy process, logging into {@code dir}
     * @param vips the VIPs on the overlay device
     * @param commands runs {@code haproxy -c}
     * @throws IOException when the directory cannot be made private
     */
    public HaproxyRenderer(final Path dir, final String haproxy, final ProcessSupervisor supervisor,
            final VipAddresses vips, final VipAddresses.Commands commands) throws IOException {
        PrivateFiles.directory(dir);
        config = dir.resolve("haproxy.cfg");
        socket = dir.resolve("runtime.sock");
        this.haproxy = requireNonNull(haproxy);
        this.supervisor = requireNonNull(supervisor);
        this.vips = requireNonNull(vips);
        this.commands = requireNonNull(commands);
    }

    /**
     * Applies the load balancers.
     *
     * @param balancers every valid load balancer
     */
    public void apply(final List<LoadBalancerIntent> balancers) {
        current = List.copyOf(balancers);
        if (current.isEmpty()) {
            supervisor.stop();
            problem = vips.hold(Set.of());
            return;
        }
        problem = vips.hold(vipSet());
        if (problem.isPresent()) {
            // HAProxy could not bind the VIPs: it keeps serving what it had, and the poll tries again.
            LOG.warn("Load balancers wait: {}", problem.orElseThrow());
            return;
        }
        try {
            final var text = HaproxyConfig.render(current, socket);
            final boolean changed = PrivateFiles.update(config, text);
            if (changed) {
                commands.run(List.of(haproxy, "-c", "-q", "-f", config.toString()));
            }
            if (!supervisor.isRunning()) {
                supervisor.run(List.of(haproxy, "-W", "-db", "-f", config.toString()));
            } else if (changed && !supervisor.signal("USR2")) {
                supervisor.restart();
            }
        } catch (IOException e) {
            problem = Optional.of("cannot apply the load balancers: " + e.getMessage().strip());
            LOG.error("Cannot apply the load balancers", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = Optional.of("interrupted while reloading HAProxy");
        }
    }

    /**
     * Looks again: holds the VIPs again if the overlay device lost them (it is recreated with the VPN server),
     * and reads HAProxy's state.
     *
     * @return each load balancer's state by name, or why there is none
     */
    public Observation observe() {
        if (current.isEmpty()) {
            return new Observation(Optional.empty(), Map.of());
        }
        final var held = vips.hold(vipSet());
        if (held.isPresent()) {
            return new Observation(held, Map.of());
        }
        if (problem.isPresent()) {
            // The VIPs are back: apply what waited for them.
            apply(current);
            if (problem.isPresent()) {
                return new Observation(problem, Map.of());
            }
        }
        final var down = supervisor.problem();
        if (down.isPresent() || !supervisor.isRunning()) {
            return new Observation(Optional.of(down.orElse("HAProxy is not running")), Map.of());
        }
        try {
            return new Observation(Optional.empty(), HaproxyStats.parse(new RuntimeApi(socket).run("show stat")));
        } catch (IOException | IllegalArgumentException e) {
            return new Observation(Optional.of("HAProxy's runtime API does not answer: " + e.getMessage()), Map.of());
        }
    }

    /**
     * What HAProxy serves.
     *
     * @param problem why it serves nothing, if it does not
     * @param balancers the state of each load balancer it serves, by name
     */
    public record Observation(Optional<String> problem, Map<String, HaproxyStats.Balancer> balancers) {
        public Observation {
            requireNonNull(problem);
            balancers = Map.copyOf(balancers);
        }
    }

    @Override
    public void close() {
        supervisor.stop();
        vips.hold(Set.of());
    }

    private Set<String> vipSet() {
        return current.stream().map(LoadBalancerIntent::vipAddress).collect(Collectors.toUnmodifiableSet());
    }
}
