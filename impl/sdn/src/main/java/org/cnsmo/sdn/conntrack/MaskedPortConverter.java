/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import org.opendaylight.openflowplugin.extension.api.ConvertorToOFJava;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoMaskedPortRpcAddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.match.entries.grouping.MatchEntry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.grouping.Extension;

/** Converts the flow model's masked destination port (see {@link MaskedPorts}) to its wire-model entry. */
final class MaskedPortConverter implements ConvertorToOFJava<MatchEntry> {
    @Override
    public MatchEntry convert(final Extension extension) {
        final var augment = extension.augmentation(CnsmoMaskedPortRpcAddFlow.class);
        if (augment == null || augment.getMaskedPort() == null) {
            throw new IllegalArgumentException("No masked port in " + extension);
        }
        final var port = augment.getMaskedPort();
        return MaskedPortCodec.entry(port.requireProtocol().toJava() == MaskedPorts.TCP,
            port.requirePort().toJava(), port.requireMask().toJava());
    }
}
