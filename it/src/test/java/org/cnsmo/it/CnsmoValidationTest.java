/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.maven;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opendaylight.controller.mdsal.it.base.AbstractMdsalTestBase;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.MavenUrlReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/**
 * Boots the traffic-filters feature (which pulls in the API, models and nodes features) in Karaf and checks
 * that its commit guard vetoes invalid intent inside the real distributed datastore.
 */
@RunWith(PaxExam.class)
public class CnsmoValidationTest extends AbstractMdsalTestBase {
    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = 120_000)
    DataBroker dataBroker;

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = 120_000)
    ServiceComponentRuntime componentRuntime;

    @Override
    public MavenUrlReference getFeatureRepo() {
        return maven().groupId("org.cnsmo").artifactId("features-cnsmo").classifier("features").type("xml")
            .versionAsInProject();
    }

    @Override
    public String getFeatureName() {
        return "odl-cnsmo-traffic-filters";
    }

    @Test
    public void filterOnKnownNodeCommitsAndFilterOnUnknownNodeIsVetoed() throws Exception {
        // The broker comes up before the guard registers its cohort: a commit made in between is not checked.
        // The check component becomes active when CommitGuards takes it, just before registering its cohort.
        awaitActive("org.cnsmo.api.validation.CommitGuards");
        awaitActive("org.cnsmo.filters.TrafficFiltersCheck");

        final var node = new NodeBuilder().setName(new NodeName("Agent.1")).build();
        final var tx = dataBroker.newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, nodePath("Agent.1"), node);
        tx.commit().get(30, TimeUnit.SECONDS);

        commitFilter(filter("web", "Agent.1"));
        assertTrue(read(filterPath("web")));

        final var cause = findValidationFailure(commitFailure(filter("typo", "Agent.9")));
        assertEquals("traffic-filters/filter=typo/node: node 'Agent.9' does not exist", cause.getMessage());
        assertFalse(read(filterPath("typo")));
    }

    private void awaitActive(final String component) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!isActive(component)) {
            if (System.nanoTime() > deadline) {
                fail(component + " did not become active within 120 s");
            }
            Thread.sleep(100);
        }
    }

    private boolean isActive(final String component) {
        return componentRuntime.getComponentDescriptionDTOs().stream()
            .filter(description -> component.equals(description.name))
            .flatMap(description -> componentRuntime.getComponentConfigurationDTOs(description).stream())
            .anyMatch(configuration -> configuration.state == ComponentConfigurationDTO.ACTIVE);
    }

    private void commitFilter(final Filter filter) throws Exception {
        final var tx = dataBroker.newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, filterPath(filter.getName().getValue()), filter);
        tx.commit().get(30, TimeUnit.SECONDS);
    }

    private ExecutionException commitFailure(final Filter filter) throws Exception {
        try {
            commitFilter(filter);
        } catch (ExecutionException e) {
            return e;
        }
        fail("commit of " + filter + " succeeded");
        throw new AssertionError();
    }

    private boolean read(final DataObjectIdentifier<Filter> path) throws Exception {
        try (var tx = dataBroker.newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.CONFIGURATION, path).get(30, TimeUnit.SECONDS).isPresent();
        }
    }

    private static DataValidationFailedException findValidationFailure(final Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataValidationFailedException found) {
                return found;
            }
        }
        throw new AssertionError("commit failed without a validation failure", failure);
    }

    private static Filter filter(final String name, final String node) {
        return new FilterBuilder().setName(new ObjectName(name)).setNode(new NodeName(node))
            .setTcpDestinationPort(new PortNumber(Uint16.valueOf(8080)))
            .setIpv4Destination(new Ipv4Prefix("10.8.0.6/32"))
            .build();
    }

    private static DataObjectIdentifier<Node> nodePath(final String name) {
        return DataObjectIdentifier.builder(Nodes.class).child(Node.class, new NodeKey(new NodeName(name))).build();
    }

    private static DataObjectIdentifier<Filter> filterPath(final String name) {
        return DataObjectIdentifier.builder(TrafficFilters.class)
            .child(Filter.class, new FilterKey(new ObjectName(name))).build();
    }
}
