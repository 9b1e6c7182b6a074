/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.firewall;

import java.util.Collection;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;

/**
 * The one way to a firewall rule's observed {@code verification} container (operational): the SDN service owns
 * {@code firewall/rule=X} there, publishing it with the rule's counters, and the verifier reports here what it
 * finds of each rule (shadowed, redundant), to be published in the same entry.
 */
public interface RuleVerificationReports {
    /**
     * Replaces what the verifier found of every rule.
     *
     * @param rules each configured rule, as configured, with its {@code verification} container set; a rule
     *     reported before and absent here has its findings withdrawn (an empty collection withdraws all)
     */
    void report(Collection<Rule> rules);
}
