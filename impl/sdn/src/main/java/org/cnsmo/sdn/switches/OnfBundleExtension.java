/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.switches;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.openflowjava.protocol.api.keys.ExperimenterIdSerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.ExperimenterIdTypeSerializerKey;
import org.opendaylight.openflowjava.protocol.api.keys.MessageTypeKey;
import org.opendaylight.openflowjava.protocol.api.util.EncodeConstants;
import org.opendaylight.openflowjava.protocol.impl.deserialization.factories.ErrorMessageFactory;
import org.opendaylight.openflowjava.protocol.impl.deserialization.factories.ExperimenterMessageFactory;
import org.opendaylight.openflowjava.protocol.spi.connection.SwitchConnectionProvider;
import org.opendaylight.openflowplugin.extension.api.OpenFlowPluginExtensionRegistratorProvider;
import org.opendaylight.openflowplugin.extension.api.TypeVersionKey;
import org.opendaylight.openflowplugin.extension.onf.OnfConstants;
import org.opendaylight.openflowplugin.extension.onf.converter.BundleAddMessageConverter;
import org.opendaylight.openflowplugin.extension.onf.converter.BundleControlConverter;
import org.opendaylight.openflowplugin.extension.onf.serializer.BundleAddMessageFactory;
import org.opendaylight.openflowplugin.extension.onf.serializer.BundleControlFactory;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.protocol.rev130731.experimenter.core.ExperimenterDataOfChoice;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.send.experimenter.input.experimenter.message.of.choice.BundleAddMessageSal;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.send.experimenter.input.experimenter.message.of.choice.BundleControlSal;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.experimenter.input.experimenter.data.of.choice.BundleAddMessageOnf;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.experimenter.input.experimenter.data.of.choice.BundleControlOnf;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaches the OpenFlow plugin the bundle messages of ONF extension 230 on every OpenFlow port, for OpenFlow 1.3:
 * the bundle converters of the plugin's ONF extension, and its serializers registered on each switch connection
 * provider, with the deserializers of the switch's answers ({@link OnfAnswers}). The plugin's own ONF extension
 * component registers the serializers on one provider only (the plugin listens on 6633 and 6653), so a switch
 * connected to the other could not be sent a bundle.
 *
 * <p>The SDN service references this component: no change is sent before a bundle can be encoded.
 */
@Component(service = OnfBundleExtension.class)
public final class OnfBundleExtension implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnfBundleExtension.class);
    private static final ExperimenterIdSerializerKey<ExperimenterDataOfChoice> CONTROL_SERIALIZER =
        new ExperimenterIdTypeSerializerKey<>(EncodeConstants.OF_VERSION_1_3, OnfConstants.ONF_EXPERIMENTER,
            OnfConstants.ONF_ET_BUNDLE_CONTROL.toJava(), ExperimenterDataOfChoice.class);
    private static final ExperimenterIdSerializerKey<ExperimenterDataOfChoice> ADD_SERIALIZER =
        new ExperimenterIdTypeSerializerKey<>(EncodeConstants.OF_VERSION_1_3, OnfConstants.ONF_EXPERIMENTER,
            OnfConstants.ONF_ET_BUNDLE_ADD_MESSAGE.toJava(), ExperimenterDataOfChoice.class);

    private final List<Registration> converters;
    private final List<SwitchConnectionProvider> providers = new ArrayList<>();

    @Activate
    public OnfBundleExtension(@Reference final OpenFlowPluginExtensionRegistratorProvider plugin) {
        final var registrator = plugin.getExtensionConverterRegistrator();
        final var version = EncodeConstants.OF_VERSION_1_3;
        final var control = new BundleControlConverter();
        final var add = new BundleAddMessageConverter();
        converters = List.of(
            registrator.registerMessageConvertor(new TypeVersionKey<>(BundleControlSal.class, version), control),
            registrator.registerMessageConvertor(new MessageTypeKey<>(version, BundleControlOnf.class), control),
            registrator.registerMessageConvertor(new TypeVersionKey<>(BundleAddMessageSal.class, version), add),
            registrator.registerMessageConvertor(new MessageTypeKey<>(version, BundleAddMessageOnf.class), add));
        LOG.info("CNSMO registered the ONF bundle messages with the OpenFlow plugin");
    }

    /** An OpenFlow port came up: its serializers learn the bundle messages and its deserializers their answers. */
    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addProvider(final SwitchConnectionProvider provider) {
        provider.registerExperimenterMessageSerializer(CONTROL_SERIALIZER, new BundleControlFactory());
        provider.registerExperimenterMessageSerializer(ADD_SERIALIZER, new BundleAddMessageFactory());
        provider.registerDeserializer(OnfAnswers.EXPERIMENTER_KEY, new OnfAnswers.Experimenter());
        provider.registerDeserializer(OnfAnswers.ERROR_KEY, new OnfAnswers.Error());
        providers.add(provider);
    }

    synchronized void removeProvider(final SwitchConnectionProvider provider) {
        if (providers.remove(provider)) {
            unregister(provider);
        }
    }

    private static void unregister(final SwitchConnectionProvider provider) {
        provider.unregisterSerializer(CONTROL_SERIALIZER);
        provider.unregisterSerializer(ADD_SERIALIZER);
        // the library's own message deserializers again
        provider.registerDeserializer(OnfAnswers.EXPERIMENTER_KEY, new ExperimenterMessageFactory());
        provider.registerDeserializer(OnfAnswers.ERROR_KEY, new ErrorMessageFactory());
    }

    @Deactivate
    @Override
    public synchronized void close() {
        providers.forEach(OnfBundleExtension::unregister);
        providers.clear();
        converters.reversed().forEach(Registration::close);
        LOG.info("CNSMO unregistered the ONF bundle messages");
    }
}
