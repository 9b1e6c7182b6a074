/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.findings;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cnsmo.api.datastore.ContainerListener;
import org.cnsmo.api.firewall.RuleVerificationReports;
import org.cnsmo.verifier.Intent;
import org.cnsmo.verifier.Overlay;
import org.cnsmo.verifier.RuleUsefulness;
import org.cnsmo.verifier.RuleUsefulness.Finding;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.Verification;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.VerificationBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.verification.NodeFindingBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yangtools.binding.ChildOf;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.DataRoot;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the shadowed and redundant firewall rules ({@link RuleUsefulness}) after every change of the rules,
 * filters or nodes, on a thread of its own (never the SDN renderer's), and reports them to the owner of the rules'
 * observed entries ({@link RuleVerificationReports}). Changes that arrive during an evaluation are evaluated
 * together once it is done.
 */
@Component(service = {})
public final class RuleFindingsPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleFindingsPublisher.class);

    /** The containers the findings depend on. */
    private enum Part { NODES, FIREWALL, FILTERS }

    private final RuleVerificationReports reports;
    private final ExecutorService executor;
    private final List<Registration> registrations = new ArrayList<>();
    // confined to the executor
    private final EnumSet<Part> seen = EnumSet.noneOf(Part.class);
    private Nodes nodes;
    private Firewall firewall;
    private TrafficFilters filters;
    private boolean queued;

    @Activate
    public RuleFindingsPublisher(@Reference final DataBroker dataBroker,
            @Reference final RuleVerificationReports reports) {
        this(dataBroker, reports, Executors.newSingleThreadExecutor(new ThreadFactoryBuilder()
            .setNameFormat("cnsmo-rule-findings-%d").setDaemon(true).build()));
    }

    /**
     * A publisher.
     *
     * @param dataBroker where the intent is read
     * @param reports where the findings go
     * @param executor a single thread, owned by the publisher from now on
     */
    public RuleFindingsPublisher(final DataBroker dataBroker, final RuleVerificationReports reports,
            final ExecutorService executor) {
        this.reports = requireNonNull(reports);
        this.executor = requireNonNull(executor);
        listen(dataBroker, Nodes.class, Part.NODES, value -> nodes = value);
        listen(dataBroker, Firewall.class, Part.FIREWALL, value -> firewall = value);
        listen(dataBroker, TrafficFilters.class, Part.FILTERS, value -> filters = value);
        LOG.info("CNSMO rule findings started");
    }

    private <T extends ChildOf<? extends DataRoot<?>>> void listen(final DataBroker dataBroker,
            final Class<T> container, final Part part, final Consumer<T> setter) {
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(container).build(), new ContainerListener<T>(value -> {
                setter.accept(value);
                seen.add(part);
                if (!queued && seen.size() == Part.values().length) {
                    queued = true;
                    executor.execute(this::publish);
                }
            }, executor)));
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void publish() {
        queued = false;
        if (firewall == null || firewall.nonnullRule().isEmpty()) {
            // nothing to find: a bulk load of filters alone does not pay for evaluating the overlay
            reports.report(List.of());
            return;
        }
        final long start = System.nanoTime();
        final Map<String, Finding> findings;
        try {
            findings = RuleUsefulness.of(Overlay.of(new Intent(nodes, null, null, null, firewall, filters)));
        } catch (RuntimeException e) {
            LOG.warn("Could not evaluate the firewall rules; their findings stay as they were", e);
            return;
        }
        final var rules = new ArrayList<Rule>();
        for (var rule : firewall.nonnullRule().values()) {
            final var finding = findings.get(rule.requireName().getValue());
            if (finding != null) {
                rules.add(new RuleBuilder(rule).setVerification(verification(finding)).build());
            }
        }
        reports.report(rules);
        LOG.debug("Findings of {} rules published in {} ms", rules.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** A finding as the YANG model's {@code verification} container. */
    static Verification verification(final Finding finding) {
        final var exceptions = finding.exceptions().entrySet().stream()
            .map(entry -> new NodeFindingBuilder()
                .setNode(new NodeName(entry.getKey()))
                .setShadowedBy(entry.getValue().shadowed() ? names(entry.getValue().shadowedBy()) : null)
                .setRedundant(entry.getValue().redundant())
                .build())
            .toList();
        return new VerificationBuilder()
            .setInstalledNodes(Uint32.valueOf(finding.nodes().size()))
            .setShadowedBy(finding.shadowed() ? names(finding.shadowedBy()) : null)
            .setRedundant(finding.redundant())
            .setNodeFinding(exceptions.isEmpty() ? null : BindingMap.of(exceptions))
            .build();
    }

    private static java.util.Set<ObjectName> names(final List<String> names) {
        return names.stream().map(ObjectName::new)
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        registrations.reversed().forEach(Registration::close);
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
        // findings nobody refreshes any more are withdrawn
        reports.report(List.of());
        LOG.info("CNSMO rule findings stopped");
    }
}
