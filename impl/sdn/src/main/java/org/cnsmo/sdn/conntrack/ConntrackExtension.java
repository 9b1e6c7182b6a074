/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.openflowjava.protocol.api.keys.ActionSerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.ExperimenterActionDeserializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.MatchEntryDeserializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.MatchEntrySerializerKey;
import org.opendaylight.openflowjava.protocol.api.util.EncodeConstants;
import org.opendaylight.openflowjava.protocol.spi.connection.SwitchConnectionProvider;
import org.opendaylight.openflowplugin.extension.api.ConverterExtensionKey;
import org.opendaylight.openflowplugin.extension.api.OpenFlowPluginExtensionRegistratorProvider;
import org.opendaylight.openflowplugin.extension.api.TypeVersionKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.MaskedPortKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.add.flow.input.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackRpcAddFlowApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.add.flow.input.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearRpcAddFlowApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.get.flow.statistics.output.flow.and.statistics.map.list.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackRpcGetFlowStatsApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.get.flow.statistics.output.flow.and.statistics.map.list.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearRpcGetFlowStatsApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.nodes.node.table.flow.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackNodesNodeTableFlowApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.nodes.node.table.flow.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearNodesNodeTableFlowApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.CtStateField;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.TcpDstMaskedField;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.UdpDstMaskedField;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.ConntrackActionCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.CtClearActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.Nxm0Class;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.Nxm1Class;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaches the OpenFlow plugin the Open vSwitch connection tracking extensions the stateful firewall uses:
 * the ct_state match and the ct and ct_clear actions, for OpenFlow 1.3; and the masked destination port
 * match a flow takes inside a bundle ({@link MaskedPorts}). The flow model's forms are
 * converted by the plugin's extension converters; the wire forms are written and read by the serializers
 * registered on every switch connection provider (the OpenFlow ports), as the plugin's own extensions do.
 *
 * <p>The SDN service references this component, so no flow that uses conntrack is sent before the plugin
 * can encode it: an action or match entry the plugin cannot encode is left out of the flow-mod with only a
 * warning, which would turn a stateful rule into a different one.
 */
@Component(service = ConntrackExtension.class)
public final class ConntrackExtension implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConntrackExtension.class);
    private static final CtStateCodec CT_STATE_CODEC = new CtStateCodec();
    private static final NxActionCodec ACTION_CODEC = new NxActionCodec();

    private static final MatchEntrySerializerKey<Nxm1Class, CtStateField> CT_STATE_SERIALIZER =
        new MatchEntrySerializerKey<>(EncodeConstants.OF_VERSION_1_3, Nxm1Class.VALUE, CtStateField.VALUE);
    private static final MatchEntryDeserializerKey CT_STATE_DESERIALIZER = new MatchEntryDeserializerKey(
        EncodeConstants.OF_VERSION_1_3, NxWire.NXM_1_CLASS, NxWire.CT_STATE_FIELD);
    private static final ActionSerializerKey<ConntrackActionCase> CT_SERIALIZER = new ActionSerializerKey<>(
        EncodeConstants.OF_VERSION_1_3, ConntrackActionCase.class, Uint32.valueOf(NxWire.NX_VENDOR_ID));
    private static final ActionSerializerKey<CtClearActionCase> CT_CLEAR_SERIALIZER = new ActionSerializerKey<>(
        EncodeConstants.OF_VERSION_1_3, CtClearActionCase.class, Uint32.valueOf(NxWire.NX_VENDOR_ID));
    private static final MatchEntrySerializerKey<Nxm0Class, TcpDstMaskedField> TCP_DST_MASKED_SERIALIZER =
        new MatchEntrySerializerKey<>(EncodeConstants.OF_VERSION_1_3, Nxm0Class.VALUE, TcpDstMaskedField.VALUE);
    private static final MatchEntrySerializerKey<Nxm0Class, UdpDstMaskedField> UDP_DST_MASKED_SERIALIZER =
        new MatchEntrySerializerKey<>(EncodeConstants.OF_VERSION_1_3, Nxm0Class.VALUE, UdpDstMaskedField.VALUE);
    private static final MaskedPortCodec TCP_DST_MASKED_CODEC = new MaskedPortCodec(NxWire.TCP_DST_FIELD);
    private static final MaskedPortCodec UDP_DST_MASKED_CODEC = new MaskedPortCodec(NxWire.UDP_DST_FIELD);
    private static final ExperimenterActionDeserializerKey NX_ACTION_DESERIALIZER =
        new ExperimenterActionDeserializerKey(EncodeConstants.OF_VERSION_1_3, NxWire.NX_VENDOR_ID);

    private final List<Registration> converters;
    private final List<SwitchConnectionProvider> providers = new ArrayList<>();

    @Activate
    public ConntrackExtension(@Reference final OpenFlowPluginExtensionRegistratorProvider plugin) {
        final var registrator = plugin.getExtensionConverterRegistrator();
        final var ctState = new CtStateConverter();
        final var actions = new NxActionConverter();
        final var version = EncodeConstants.OF_VERSION_1_3;
        converters = List.of(
            registrator.registerMatchConvertor(new ConverterExtensionKey<>(CtStateKey.VALUE, version), ctState),
            registrator.registerMatchConvertor(CT_STATE_SERIALIZER, ctState),
            registrator.registerMatchConvertor(new ConverterExtensionKey<>(MaskedPortKey.VALUE, version),
                new MaskedPortConverter()),
            registrator.registerActionConvertor(
                new TypeVersionKey<>(CnsmoConntrackRpcAddFlowApplyActionsCase.class, version), actions),
            registrator.registerActionConvertor(
                new TypeVersionKey<>(CnsmoConntrackNodesNodeTableFlowApplyActionsCase.class, version), actions),
            registrator.registerActionConvertor(
                new TypeVersionKey<>(CnsmoConntrackRpcGetFlowStatsApplyActionsCase.class, version), actions),
            registrator.registerActionConvertor(
                new TypeVersionKey<>(CnsmoCtClearRpcAddFlowApplyActionsCase.class, version), actions),
            registrator.registerActionConvertor(
                new TypeVersionKey<>(CnsmoCtClearNodesNodeTableFlowApplyActionsCase.class, version), actions),
            registrator.registerActionConvertor(
                new TypeVersionKey<>(CnsmoCtClearRpcGetFlowStatsApplyActionsCase.class, version), actions),
            registrator.registerActionConvertor(
                new ActionSerializerKey<>(version, ConntrackActionCase.class, (Uint32) null), actions),
            registrator.registerActionConvertor(
                new ActionSerializerKey<>(version, CtClearActionCase.class, (Uint32) null), actions));
        LOG.info("CNSMO conntrack extension registered with the OpenFlow plugin");
    }

    /** An OpenFlow port came up: its serializers learn ct_state, ct and ct_clear. */
    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addProvider(final SwitchConnectionProvider provider) {
        provider.registerMatchEntrySerializer(CT_STATE_SERIALIZER, CT_STATE_CODEC);
        provider.registerMatchEntryDeserializer(CT_STATE_DESERIALIZER, CT_STATE_CODEC);
        provider.registerActionSerializer(CT_SERIALIZER, ACTION_CODEC);
        provider.registerActionSerializer(CT_CLEAR_SERIALIZER, ACTION_CODEC);
        provider.registerActionDeserializer(NX_ACTION_DESERIALIZER, ACTION_CODEC);
        provider.registerMatchEntrySerializer(TCP_DST_MASKED_SERIALIZER, TCP_DST_MASKED_CODEC);
        provider.registerMatchEntrySerializer(UDP_DST_MASKED_SERIALIZER, UDP_DST_MASKED_CODEC);
        providers.add(provider);
    }

    synchronized void removeProvider(final SwitchConnectionProvider provider) {
        if (providers.remove(provider)) {
            unregister(provider);
        }
    }

    private static void unregister(final SwitchConnectionProvider provider) {
        provider.unregisterSerializer(CT_STATE_SERIALIZER);
        provider.unregisterDeserializer(CT_STATE_DESERIALIZER);
        provider.unregisterSerializer(CT_SERIALIZER);
        provider.unregisterSerializer(CT_CLEAR_SERIALIZER);
        provider.unregisterDeserializer(NX_ACTION_DESERIALIZER);
        provider.unregisterSerializer(TCP_DST_MASKED_SERIALIZER);
        provider.unregisterSerializer(UDP_DST_MASKED_SERIALIZER);
    }

    @Deactivate
    @Override
    public synchronized void close() {
        providers.forEach(ConntrackExtension::unregister);
        providers.clear();
        converters.reversed().forEach(Registration::close);
        LOG.info("CNSMO conntrack extension unregistered");
    }
}
