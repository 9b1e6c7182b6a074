/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cnsmo.api.net.Ipv4Network;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcAddFlow;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcGetFlowStatsBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ConntrackGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtClearGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.clear.grouping.CtClearBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtStateBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.get.flow.statistics.output.flow.and.statistics.map.list.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackRpcGetFlowStatsApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.get.flow.statistics.output.flow.and.statistics.map.list.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearRpcGetFlowStatsApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.DropActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.output.action._case.OutputActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapListBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Instructions;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.InstructionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.apply.actions._case.ApplyActionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.InstructionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralAugMatchRpcAddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralAugMatchRpcOutputFlowStatsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.grouping.ExtensionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.list.grouping.ExtensionListBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;

class FlowFormTest {
    private static final SwitchBinding NODE_A = new SwitchBinding("A", Uint64.valueOf(10), 1);

    /** Every kind of flow CNSMO writes: the base pipeline (conntrack, NORMAL), rules of every action, a filter. */
    private static List<Flow> everyKindOfFlow() {
        final var flows = new ArrayList<>(NodeFlows.of(NODE_A));
        final var range = Ipv4Network.parse("10.8.0.0/28");
        for (var action : Action.values()) {
            flows.addAll(FirewallFlows.of(new RuleIntent("r-" + action, Optional.empty(), true, Protocol.Tcp,
                PortMask.cover(7000, 7010), true, range, action, 200)));
        }
        flows.addAll(FirewallFlows.of(new RuleIntent("any", Optional.of("A"), false, Protocol.Any, List.of(), false,
            Ipv4Network.parse("0.0.0.0/0"), Action.Drop, 100)));
        flows.addAll(FilterFlows.of(new FilterIntent("web", "A", 8080, Ipv4Network.parse("10.8.0.6/32"))));
        return flows;
    }

    @Test
    void aFlowReadBackFromTheSwitchHasTheFormOfTheFlowSent() {
        for (var flow : everyKindOfFlow()) {
            assertEquals(FlowForm.of(flow), FlowForm.of(readBack(flow, flow.getInstructions())),
                () -> "read back " + flow.getId().getValue());
        }
    }

    @Test
    void changedActionsKeepTheKeyAndChangeTheForm() {
        final var drop = FirewallFlows.of(new RuleIntent("d", Optional.empty(), true, Protocol.Tcp,
            List.of(PortMask.exact(80)), true, Ipv4Network.parse("10.8.0.9/32"), Action.Drop, 100)).get(0);
        final var tampered = FlowForm.of(readBack(drop, FlowParts.goTo(Pipeline.TABLE_FORWARD)));
        final var planned = FlowForm.of(drop);
        assertEquals(planned.key(), tampered.key());
        assertNotEquals(planned, tampered);
        assertEquals("", planned.instructions(), "a drop is no action at all, as the switch says it");
        assertEquals("goto_table:30", tampered.instructions());
    }

    @Test
    void theFormReadsLikeOvsOfctl() {
        final var forms = NodeFlows.of(NODE_A).stream().map(FlowForm::of).map(FlowForm::toString).toList();
        assertEquals("table=0,priority=100,in_port=1 actions:goto_table:10", forms.get(0));
        assertEquals(List.of("table=25,priority=0,dl_type=0x800 actions:ct(commit,zone=11),goto_table:28"),
            forms.stream().filter(form -> form.startsWith("table=25,priority=0,")).toList());
        assertEquals("table=28,priority=0 actions:goto_table:30", forms.get(forms.size() - 2));
        assertEquals("table=30,priority=0 actions:output:NORMAL", forms.get(forms.size() - 1));
        final var track = forms.stream().filter(form -> form.startsWith("table=10,priority=3000")).findFirst()
            .orElseThrow();
        assertEquals("table=10,priority=3000,dl_type=0x800,ct_state=0x0/0x20 actions:ct(zone=11,table=10)", track);
        final var reject = FirewallFlows.of(new RuleIntent("r", Optional.empty(), true, Protocol.Udp,
            List.of(PortMask.exact(53)), false, Ipv4Network.parse("10.8.0.0/24"), Action.Reject, 5)).get(0);
        assertEquals("table=10,priority=1005,dl_type=0x800,nw_proto=17,nw_dst=10.8.0.0/24,udp_dst=53 "
            + "actions:meter:1,ct_clear,output:CONTROLLER:128", FlowForm.of(reject).toString());
    }

    /**
     * The flow as the OpenFlow plugin reads it back from Open vSwitch: the input port as a bare number, the
     * extension in the statistics model's augmentations, instructions in the switch's order and numbered from 0,
     * a drop as an empty apply-actions, NORMAL output without its length.
     */
    private static org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.Flow readBack(
            final Flow flow, final Instructions instructions) {
        return new FlowAndStatisticsMapListBuilder()
            .setTableId(flow.getTableId())
            .setPriority(flow.getPriority())
            .setCookie(flow.getCookie())
            .setMatch(readBack(flow.getMatch()))
            .setInstructions(readBack(instructions))
            .build();
    }

    private static Match readBack(final Match match) {
        final var builder = new MatchBuilder(match);
        if (match.getInPort() != null) {
            final var port = match.getInPort().getValue();
            builder.setInPort(new NodeConnectorId(port.substring(port.lastIndexOf(':') + 1)));
        }
        final var extensions = match.augmentation(GeneralAugMatchRpcAddFlow.class);
        if (extensions != null) {
            builder.removeAugmentation(GeneralAugMatchRpcAddFlow.class);
            final var ctState = extensions.nonnullExtensionList().values().iterator().next().getExtension()
                .augmentation(CnsmoCtStateRpcAddFlow.class).getCtState();
            builder.addAugmentation(new GeneralAugMatchRpcOutputFlowStatsBuilder()
                .setExtensionList(BindingMap.of(new ExtensionListBuilder()
                    .setExtensionKey(CtStateKey.VALUE)
                    .setExtension(new ExtensionBuilder().addAugmentation(new CnsmoCtStateRpcGetFlowStatsBuilder()
                        .setCtState(new CtStateBuilder(ctState).build()).build()).build())
                    .build()))
                .build());
        }
        return builder.build();
    }

    private static Instructions readBack(final Instructions instructions) {
        final var list = new ArrayList<>(instructions.nonnullInstruction().values());
        // the switch's order, which need not be CNSMO's
        list.sort((one, two) -> Integer.compare(two.getOrder(), one.getOrder()));
        final var read = new ArrayList<Instruction>();
        for (var instruction : list) {
            var choice = instruction.getInstruction();
            if (choice instanceof ApplyActionsCase apply) {
                final var actions = new ArrayList<org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112
                    .action.list.Action>();
                for (var action : apply.getApplyActions().nonnullAction().values()) {
                    final var value = action.getAction();
                    if (value instanceof DropActionCase) {
                        continue;
                    }
                    final var builder = new ActionBuilder().setOrder(actions.size());
                    if (value instanceof ConntrackGrouping ct) {
                        builder.setAction(new CnsmoConntrackRpcGetFlowStatsApplyActionsCaseBuilder()
                            .setConntrack(ct.getConntrack()).build());
                    } else if (value instanceof CtClearGrouping) {
                        builder.setAction(new CnsmoCtClearRpcGetFlowStatsApplyActionsCaseBuilder()
                            .setCtClear(new CtClearBuilder().build()).build());
                    } else if (value instanceof OutputActionCase output
                            && !"CONTROLLER".equals(output.getOutputAction().getOutputNodeConnector().getValue())) {
                        builder.setAction(new OutputActionCaseBuilder().setOutputAction(new OutputActionBuilder()
                            .setOutputNodeConnector(new Uri(output.getOutputAction().getOutputNodeConnector()
                                .getValue()))
                            .setMaxLength(Uint16.ZERO).build()).build());
                    } else {
                        builder.setAction(value);
                    }
                    actions.add(builder.build());
                }
                choice = new ApplyActionsCaseBuilder().setApplyActions(new ApplyActionsBuilder()
                    .setAction(BindingMap.ordered(actions)).build()).build();
            }
            read.add(new InstructionBuilder().setOrder(read.size()).setInstruction(choice).build());
        }
        return new InstructionsBuilder().setInstruction(BindingMap.ordered(read)).build();
    }
}
