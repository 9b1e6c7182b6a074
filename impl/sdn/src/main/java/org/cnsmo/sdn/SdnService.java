/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.cnsmo.api.firewall.RuleVerificationReports;
import org.cnsmo.api.nodes.NodeStatusReports;
import org.cnsmo.sdn.conntrack.ConntrackExtension;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.cnsmo.sdn.readback.ReadBackListener;
import org.cnsmo.sdn.readback.ReadBackListeners;
import org.cnsmo.sdn.reject.RejectResponder;
import org.cnsmo.sdn.render.Guard;
import org.cnsmo.sdn.render.ListListener;
import org.cnsmo.sdn.render.SwitchRenderer;
import org.cnsmo.sdn.render.WrittenFilter;
import org.cnsmo.sdn.stats.StatusWriter;
import org.cnsmo.sdn.switches.MeterRpcs;
import org.cnsmo.sdn.switches.OnfBundleExtension;
import org.cnsmo.sdn.switches.SwitchListener;
import org.cnsmo.sdn.switches.SwitchRpcs;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationService;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Qos;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.PacketReceived;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDN service: renders traffic filters, firewall rules and QoS policies onto the nodes' switches (see
 * {@link org.cnsmo.sdn.pipeline.Pipeline}), keeps them reconciled, answers rejected packets and
 * publishes counters and, in the same entries, what the verifier reports of each rule. What it reads back from
 * the switches goes on to every {@link ReadBackListener} registered (the verifier's deployment check). One
 * instance per controller: in a cluster, every member would render, so a cluster deployment needs a singleton
 * service first.
 */
@Component(service = RuleVerificationReports.class, immediate = true)
public final class SdnService implements RuleVerificationReports, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SdnService.class);
    /**
     * How often each switch is read for counters and reconciliation: counters reach RESTCONF within
     * about this long of the packets.
     */
    static final long POLL_MILLIS = 1_000;
    /**
     * Each period is cut into this many ticks and each tick reads one share of the switches, so that
     * the reads (and the work their answers cause) do not all land at the same instant.
     */
    static final int POLL_SLICES = 10;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
        new ThreadFactoryBuilder().setNameFormat("cnsmo-sdn-%d").setDaemon(true).build());
    /**
     * Where flow changes are handed to the plugin, which encodes them while it is called: each switch's in
     * order, two switches at once ({@link org.cnsmo.sdn.render.SwitchWriter}).
     */
    private final ExecutorService sender = Executors.newFixedThreadPool(2,
        new ThreadFactoryBuilder().setNameFormat("cnsmo-sdn-send-%d").setDaemon(true).build());
    /** Where the observed state is committed ({@link StatusWriter}), off the renderer's thread. */
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(
        new ThreadFactoryBuilder().setNameFormat("cnsmo-sdn-status-%d").setDaemon(true).build());
    /** Listener registrations, closed first so that nothing new reaches the renderer's thread. */
    private final List<Registration> registrations = new ArrayList<>();
    private final StatusWriter status;
    private final ReadBackListeners readBackListeners = new ReadBackListeners();
    private final SwitchRenderer renderer;
    private final ScheduledFuture<?> poller;

    @Activate
    public SdnService(@Reference final DataBroker dataBroker, @Reference final RpcService rpcService,
            @Reference final NotificationService notificationService,
            @Reference final NodeStatusReports nodeStatus, @Reference final ConntrackExtension conntrack,
            @Reference final OnfBundleExtension bundles) {
        // conntrack: the firewall's flows use ct_state and ct, which the plugin encodes only once it is registered;
        // bundles: every change goes to a switch in one, which the plugin encodes only once they are registered
        final var switches = new SwitchRpcs(rpcService);
        status = new StatusWriter(dataBroker, executor, publisher, nodeStatus);
        renderer = new SwitchRenderer(status, switches, new MeterRpcs(rpcService), executor, sender, Clock.systemUTC(),
            POLL_SLICES, readBackListeners);

        own(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Nodes.class).child(Node.class).build(),
            ListListener.of(path -> path.getFirstKeyOf(Node.class).getName().getValue(),
                (name, node) -> {
                    if (node == null) {
                        renderer.removeNode(name);
                    } else {
                        renderer.onNode(name, SwitchBinding.of(node),
                            node.getSwitchAddress() == null ? null : node.getSwitchAddress().stringValue());
                    }
                }, executor)));
        // The overlay address the VPN assigns each client: a node's switch must connect from it.
        own(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Vpn.class).child(Client.class).build(),
            ListListener.of(path -> path.getFirstKeyOf(Client.class).getName().getValue(),
                (name, client) -> renderer.onOverlayAddress(name,
                    client == null || client.getStaticAddress() == null ? null : client.getStaticAddress().getValue()),
                executor)));
        own(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(TrafficFilters.class).child(Filter.class).build(),
            new ListListener<>(path -> path.getFirstKeyOf(Filter.class).getName().getValue(),
                WrittenFilter::of, renderer::onFilter, executor)));
        own(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Firewall.class).child(Rule.class).build(),
            ListListener.of(path -> path.getFirstKeyOf(Rule.class).getName().getValue(),
                renderer::onRule, executor)));
        own(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Qos.class).child(Policy.class).build(),
            ListListener.of(path -> path.getFirstKeyOf(Policy.class).getName().getValue(),
                renderer::onQosPolicy, executor)));
        own(SwitchListener.register(dataBroker, renderer::onSwitch, executor));
        own(notificationService.registerListener(PacketReceived.class, new RejectResponder(switches),
            MoreExecutors.directExecutor()));
        final long tick = POLL_MILLIS / POLL_SLICES;
        // An exception escaping a periodic task would cancel it for good.
        poller = executor.scheduleAtFixedRate(() -> Guard.run(LOG, () -> "Switch poll failed", renderer::pollSlice),
            tick, tick, TimeUnit.MILLISECONDS);
        LOG.info("CNSMO SDN renderer started");
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        poller.cancel(false);
        registrations.reversed().forEach(Registration::close);
        stop(executor, "The SDN renderer's thread did not finish its work in time");
        stop(sender, "The SDN renderer's last flow changes were not all handed to the switches in time");
        status.close();
        stop(publisher, "The SDN renderer's observed state was not all published in time");
        LOG.info("CNSMO SDN renderer stopped");
    }

    /** Lets a thread finish what it was given, for at most 10 s. */
    private static void stop(final ExecutorService threads, final String late) throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn(late);
            threads.shutdownNow();
        }
    }

    /** The verifier's findings go to the rules' observed entries, published on the renderer's thread. */
    @Override
    public void report(final Collection<Rule> rules) {
        final var copy = List.copyOf(rules);
        try {
            executor.execute(() -> Guard.run(LOG, () -> "Publishing rule findings failed",
                () -> status.ruleVerification(copy)));
        } catch (RejectedExecutionException e) {
            LOG.debug("The renderer is stopping; rule findings not published", e);
        }
    }

    /** A bundle wants what the polls read back: it gets the next read of every switch, changed or not. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void addReadBackListener(final ReadBackListener listener) {
        readBackListeners.add(listener);
        try {
            executor.execute(() -> Guard.run(LOG, () -> "Handing read-back flows on again failed",
                renderer::handOnReadBacksAgain));
        } catch (RejectedExecutionException e) {
            LOG.debug("The renderer is stopping; read-back flows not handed on", e);
        }
    }

    void removeReadBackListener(final ReadBackListener listener) {
        readBackListeners.remove(listener);
    }

    private void own(final Registration registration) {
        registrations.add(registration);
    }
}
