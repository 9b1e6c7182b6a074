#!/usr/bin/env python3
# Copyright (c) 2026 CNSMO project. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
"""A scripted OpenFlow 1.3 switch without meter support, for SdnEndToEndTest.

It connects to a controller, goes through the OpenFlow plugin's handshake (HELLO, FEATURES, the DESC, PORT_DESC,
METER_FEATURES, GROUP_FEATURES and TABLE_FEATURES multiparts, ROLE_REQUEST, BARRIER, ECHO), keeps a flow table for
FLOW_MODs and ONF bundles (extension 230: ONF_ET_BUNDLE_CONTROL 2300 and ONF_ET_BUNDLE_ADD_MESSAGE 2301), and
answers flow-stats requests from that table. It has no meters, as a switch whose datapath lacks them: its
METER_FEATURES say max_meter 0 and no band types, every METER_MOD is answered with OFPET_METER_MOD_FAILED /
OFPMMFC_INVALID_METER (what Open vSwitch answers a meter add with when its datapath implements no meters), and
a flow-mod whose instructions name a meter is refused the same way.

    meterless-switch.py HOST:PORT DATAPATH_ID LOG TABLE

LOG gets one JSON object a line for every message received and for every change of the table; TABLE always holds
the current flow table as JSON (rewritten atomically after each change). Standard library only.
"""
import json
import os
import socket
import struct
import sys
import time

VERSION = 4
ONF = 0x4F4E4600
BUNDLE_CONTROL = 2300
BUNDLE_ADD = 2301

HELLO, ERROR, ECHO_REQUEST, ECHO_REPLY, EXPERIMENTER = 0, 1, 2, 3, 4
FEATURES_REQUEST, FEATURES_REPLY, GET_CONFIG_REQUEST, GET_CONFIG_REPLY, SET_CONFIG = 5, 6, 7, 8, 9
PACKET_OUT, FLOW_MOD, GROUP_MOD, PORT_MOD, TABLE_MOD = 13, 14, 15, 16, 17
MULTIPART_REQUEST, MULTIPART_REPLY, BARRIER_REQUEST, BARRIER_REPLY = 18, 19, 20, 21
ROLE_REQUEST, ROLE_REPLY, GET_ASYNC_REQUEST, GET_ASYNC_REPLY, SET_ASYNC, METER_MOD = 24, 25, 26, 27, 28, 29

MP_DESC, MP_FLOW, MP_AGGREGATE, MP_GROUP_FEATURES, MP_METER_FEATURES, MP_TABLE_FEATURES, MP_PORT_DESC = \
    0, 1, 2, 8, 11, 12, 13

OFPET_BAD_REQUEST, OFPBRC_BAD_TYPE, OFPBRC_BAD_EXPERIMENTER = 1, 1, 3
OFPET_METER_MOD_FAILED, OFPMMFC_INVALID_METER = 12, 2
OFPET_EXPERIMENTER = 0xFFFF
OFPBFC_MSG_FAILED = 2313
OFPIT_METER = 6
OFPTT_ALL = 0xFF
FLOW_COMMANDS = {0: "add", 1: "modify", 2: "modify-strict", 3: "delete", 4: "delete-strict"}
METER_COMMANDS = {0: "add", 1: "modify", 2: "delete"}
NAMES = {HELLO: "HELLO", ERROR: "ERROR", ECHO_REQUEST: "ECHO_REQUEST", ECHO_REPLY: "ECHO_REPLY",
         EXPERIMENTER: "EXPERIMENTER", FEATURES_REQUEST: "FEATURES_REQUEST", GET_CONFIG_REQUEST: "GET_CONFIG_REQUEST",
         SET_CONFIG: "SET_CONFIG", PACKET_OUT: "PACKET_OUT", FLOW_MOD: "FLOW_MOD", GROUP_MOD: "GROUP_MOD",
         PORT_MOD: "PORT_MOD", TABLE_MOD: "TABLE_MOD", MULTIPART_REQUEST: "MULTIPART_REQUEST",
         BARRIER_REQUEST: "BARRIER_REQUEST", ROLE_REQUEST: "ROLE_REQUEST", GET_ASYNC_REQUEST: "GET_ASYNC_REQUEST",
         SET_ASYNC: "SET_ASYNC", METER_MOD: "METER_MOD"}


def pad8(length):
    return (length + 7) // 8 * 8


def header(msg_type, length, xid):
    return struct.pack("!BBHI", VERSION, msg_type, length, xid)


def message(msg_type, xid, body=b""):
    return header(msg_type, 8 + len(body), xid) + body


def oxms(match):
    """The OXM TLVs of an ofp_match (its bytes without padding), as a set of their bytes."""
    fields, offset = set(), 4
    while offset + 4 <= len(match):
        length = match[offset + 3]
        fields.add(match[offset:offset + 4 + length])
        offset += 4 + length
    return fields


def meters_of(instructions):
    """The meter ids an instruction list names."""
    found, offset = [], 0
    while offset + 4 <= len(instructions):
        kind, length = struct.unpack_from("!HH", instructions, offset)
        if kind == OFPIT_METER:
            found.append(struct.unpack_from("!I", instructions, offset + 4)[0])
        if length < 4:
            break
        offset += length
    return found


class FlowMod:
    def __init__(self, msg):
        (self.cookie, self.cookie_mask, self.table, command, self.idle, self.hard, self.priority, _buffer,
         self.out_port, self.out_group, self.flags) = struct.unpack_from("!QQBBHHHIIIH", msg, 8)
        self.command = FLOW_COMMANDS.get(command, str(command))
        match_length = struct.unpack_from("!H", msg, 50)[0]
        self.match = msg[48:48 + match_length]
        self.instructions = msg[48 + pad8(match_length):]
        self.meters = meters_of(self.instructions)

    def describe(self):
        return {"command": self.command, "table": self.table, "priority": self.priority,
                "cookie": "0x%x" % self.cookie, "cookie_mask": "0x%x" % self.cookie_mask,
                "match": self.match.hex(), "instructions": self.instructions.hex(), "meters": self.meters}


def entry(mod):
    return {"table": mod.table, "priority": mod.priority, "cookie": mod.cookie, "idle": mod.idle, "hard": mod.hard,
            "flags": mod.flags, "match": mod.match, "instructions": mod.instructions}


def selected(flow, mod, strict):
    if mod.table != OFPTT_ALL and flow["table"] != mod.table:
        return False
    if (flow["cookie"] ^ mod.cookie) & mod.cookie_mask:
        return False
    if strict:
        return flow["priority"] == mod.priority and flow["match"] == mod.match
    return oxms(mod.match) <= oxms(flow["match"])


def apply_mod(table, mod):
    """Applies a flow-mod to a list of flows, in place."""
    if mod.command == "add":
        table[:] = [flow for flow in table if not (flow["table"] == mod.table and flow["priority"] == mod.priority
                                                   and flow["match"] == mod.match)]
        table.append(entry(mod))
    elif mod.command in ("modify", "modify-strict"):
        for flow in table:
            if selected(flow, mod, mod.command == "modify-strict"):
                flow["instructions"] = mod.instructions
    elif mod.command in ("delete", "delete-strict"):
        table[:] = [flow for flow in table if not selected(flow, mod, mod.command == "delete-strict")]


class Switch:
    def __init__(self, dpid, log_path, table_path):
        self.dpid = dpid
        self.log_file = open(log_path, "a", buffering=1)
        self.table_path = table_path
        self.table = []
        self.bundles = {}
        self.generation = 0
        self.role = 0
        self.sock = None
        self.write_table()

    def log(self, **event):
        event["time"] = time.time()
        self.log_file.write(json.dumps(event, sort_keys=True) + "\n")

    def write_table(self):
        flows = [{"table": flow["table"], "priority": flow["priority"], "cookie": "0x%x" % flow["cookie"],
                  "match": flow["match"].hex(), "instructions": flow["instructions"].hex(),
                  "meters": meters_of(flow["instructions"])} for flow in self.table]
        flows.sort(key=lambda flow: (flow["table"], -flow["priority"], flow["match"], flow["cookie"]))
        temporary = self.table_path + ".tmp"
        with open(temporary, "w") as out:
            json.dump(flows, out, sort_keys=True, indent=1)
        os.replace(temporary, self.table_path)

    def send(self, data):
        self.sock.sendall(data)

    def error(self, xid, kind, code, request, experimenter=None):
        data = request[:64]
        if experimenter is None:
            body = struct.pack("!HH", kind, code) + data
        else:
            body = struct.pack("!HHI", OFPET_EXPERIMENTER, code, experimenter) + data
        self.log(event="error-sent", xid=xid, type=kind, code=code)
        self.send(message(ERROR, xid, body))

    def refusal(self, mod):
        """The error a flow-mod gets, or None when the switch takes it."""
        if mod.command in ("add", "modify", "modify-strict") and mod.meters:
            return OFPET_METER_MOD_FAILED, OFPMMFC_INVALID_METER
        return None

    def run(self, host, port):
        while True:
            try:
                self.sock = socket.create_connection((host, port), timeout=5)
            except OSError:
                time.sleep(0.5)
                continue
            self.sock.settimeout(None)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.log(event="connected", address="%s:%d" % (host, port))
            self.bundles = {}
            try:
                self.send(message(HELLO, 1))
                self.serve()
            except OSError as cause:
                self.log(event="disconnected", reason=str(cause))
            finally:
                self.sock.close()
            time.sleep(0.5)

    def read(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise OSError("connection closed by the controller")
            data += chunk
        return data

    def serve(self):
        while True:
            head = self.read(8)
            _version, msg_type, length, xid = struct.unpack("!BBHI", head)
            msg = head + self.read(length - 8)
            self.handle(msg_type, xid, msg)

    def handle(self, msg_type, xid, msg):
        if msg_type not in (ECHO_REQUEST, ECHO_REPLY):
            self.log(event="received", type=NAMES.get(msg_type, str(msg_type)), xid=xid, length=len(msg))
        if msg_type in (HELLO, ECHO_REPLY, SET_CONFIG, SET_ASYNC, PACKET_OUT):
            return
        if msg_type == ERROR:
            self.log(event="error-received", body=msg[8:].hex())
        elif msg_type == ECHO_REQUEST:
            self.send(message(ECHO_REPLY, xid, msg[8:]))
        elif msg_type == FEATURES_REQUEST:
            # flow, table and port statistics; 254 tables; no buffers
            self.send(message(FEATURES_REPLY, xid, struct.pack("!QIBB2xII", self.dpid, 0, 254, 0, 0x7, 0)))
        elif msg_type == GET_CONFIG_REQUEST:
            self.send(message(GET_CONFIG_REPLY, xid, struct.pack("!HH", 0, 0xFFFF)))
        elif msg_type == GET_ASYNC_REQUEST:
            self.send(message(GET_ASYNC_REPLY, xid, bytes(24)))
        elif msg_type == ROLE_REQUEST:
            role, generation = struct.unpack_from("!I4xQ", msg, 8)
            if role != 0:
                self.role, self.generation = role, generation
            self.send(message(ROLE_REPLY, xid, struct.pack("!I4xQ", self.role, self.generation)))
        elif msg_type == BARRIER_REQUEST:
            self.send(message(BARRIER_REPLY, xid))
        elif msg_type == MULTIPART_REQUEST:
            self.multipart(xid, msg)
        elif msg_type == FLOW_MOD:
            mod = FlowMod(msg)
            refusal = self.refusal(mod)
            self.log(event="flow-mod", via="direct", xid=xid, refused=refusal is not None, **mod.describe())
            if refusal:
                self.error(xid, refusal[0], refusal[1], msg)
            else:
                apply_mod(self.table, mod)
                self.write_table()
        elif msg_type == METER_MOD:
            command, flags, meter_id = struct.unpack_from("!HHI", msg, 8)
            self.log(event="meter-mod", xid=xid, command=METER_COMMANDS.get(command, str(command)), flags=flags,
                     meter=meter_id, refused=True)
            self.error(xid, OFPET_METER_MOD_FAILED, OFPMMFC_INVALID_METER, msg)
        elif msg_type == EXPERIMENTER:
            self.experimenter(xid, msg)
        else:
            self.error(xid, OFPET_BAD_REQUEST, OFPBRC_BAD_TYPE, msg)

    def experimenter(self, xid, msg):
        experimenter, exp_type = struct.unpack_from("!II", msg, 8)
        if experimenter != ONF or exp_type not in (BUNDLE_CONTROL, BUNDLE_ADD):
            self.error(xid, OFPET_BAD_REQUEST, OFPBRC_BAD_EXPERIMENTER, msg)
            return
        if exp_type == BUNDLE_ADD:
            bundle_id, flags = struct.unpack_from("!I2xH", msg, 16)
            inner = msg[24:24 + struct.unpack_from("!H", msg, 26)[0]]
            bundle = self.bundles.setdefault(bundle_id, {"mods": [], "failed": False})
            if inner[1] != FLOW_MOD:
                self.log(event="bundle-add", bundle=bundle_id, xid=xid, inner_type=inner[1], refused=True)
                bundle["failed"] = True
                self.error(xid, OFPET_BAD_REQUEST, OFPBRC_BAD_TYPE, msg)
                return
            mod = FlowMod(inner)
            refusal = self.refusal(mod)
            self.log(event="flow-mod", via="bundle %d" % bundle_id, xid=xid, refused=refusal is not None,
                     **mod.describe())
            if refusal:
                bundle["failed"] = True
                self.error(xid, refusal[0], refusal[1], msg)
            else:
                bundle["mods"].append(mod)
            return
        bundle_id, kind, flags = struct.unpack_from("!IHH", msg, 16)
        names = {0: "open", 2: "close", 4: "commit", 6: "discard"}
        self.log(event="bundle-control", bundle=bundle_id, xid=xid, control=names.get(kind, str(kind)))
        reply = message(EXPERIMENTER, xid, struct.pack("!IIIHH", ONF, BUNDLE_CONTROL, bundle_id, kind + 1, flags))
        if kind == 0:
            self.bundles[bundle_id] = {"mods": [], "failed": False}
        elif kind == 4:
            bundle = self.bundles.pop(bundle_id, None)
            if bundle is None or bundle["failed"]:
                self.error(xid, OFPET_EXPERIMENTER, OFPBFC_MSG_FAILED, msg, experimenter=ONF)
                return
            table = [dict(flow) for flow in self.table]
            for mod in bundle["mods"]:
                apply_mod(table, mod)
            self.table = table
            self.write_table()
            self.log(event="commit", bundle=bundle_id, mods=len(bundle["mods"]), flows=len(self.table))
        elif kind == 6:
            self.bundles.pop(bundle_id, None)
        self.send(reply)

    def multipart(self, xid, msg):
        kind, _flags = struct.unpack_from("!HH", msg, 8)
        request = msg[16:]
        self.log(event="multipart", kind=kind, xid=xid)
        if kind == MP_DESC:
            body = (b"CNSMO test".ljust(256, b"\0") + b"scripted switch without meters".ljust(256, b"\0")
                    + b"meterless-switch.py".ljust(256, b"\0") + b"0".ljust(32, b"\0")
                    + b"sdn.M".ljust(256, b"\0"))
            self.multipart_reply(xid, kind, [body])
        elif kind == MP_PORT_DESC:
            ports = []
            for number in (1, 2):
                ports.append(struct.pack("!I4x6s2x16sIIIIIIII", number, bytes([2, 0, 0, 0, 0x4D, number]),
                                         b"m-port%d" % number, 0, 4, 0x820, 0x820, 0x820, 0, 1000000, 1000000))
            self.multipart_reply(xid, kind, ports)
        elif kind == MP_METER_FEATURES:
            # max_meter 0, no band types, no capabilities, no bands, no colours: no meters at all
            self.multipart_reply(xid, kind, [struct.pack("!IIIBB2x", 0, 0, 0, 0, 0)])
        elif kind == MP_GROUP_FEATURES:
            self.multipart_reply(xid, kind, [bytes(40)])
        elif kind == MP_FLOW:
            self.multipart_reply(xid, kind, [self.flow_stats(flow) for flow in self.matching(request)])
        elif kind == MP_AGGREGATE:
            self.multipart_reply(xid, kind, [struct.pack("!QQI4x", 0, 0, len(self.matching(request)))])
        else:
            # TABLE_FEATURES and every statistic: nothing to report
            self.multipart_reply(xid, kind, [])

    def matching(self, request):
        table_id, _out_port, _out_group, cookie, cookie_mask = struct.unpack_from("!B3xII4xQQ", request, 0)
        match_length = struct.unpack_from("!H", request, 34)[0]
        wanted = oxms(request[32:32 + match_length])
        return [flow for flow in self.table if (table_id == OFPTT_ALL or flow["table"] == table_id)
                and not (flow["cookie"] ^ cookie) & cookie_mask and wanted <= oxms(flow["match"])]

    @staticmethod
    def flow_stats(flow):
        match = flow["match"] + bytes(pad8(len(flow["match"])) - len(flow["match"]))
        length = 48 + len(match) + len(flow["instructions"])
        return (struct.pack("!HBxIIHHHH4xQQQ", length, flow["table"], 1, 0, flow["priority"], flow["idle"],
                            flow["hard"], flow["flags"], flow["cookie"], 0, 0) + match + flow["instructions"])

    def multipart_reply(self, xid, kind, items):
        """Sends the items in as many replies as they need, all but the last flagged OFPMPF_REPLY_MORE."""
        chunks, current = [], b""
        for item in items:
            if current and len(current) + len(item) > 60000:
                chunks.append(current)
                current = b""
            current += item
        chunks.append(current)
        for index, chunk in enumerate(chunks):
            more = 1 if index < len(chunks) - 1 else 0
            self.send(message(MULTIPART_REPLY, xid, struct.pack("!HH4x", kind, more) + chunk))


def main():
    address, dpid, log_path, table_path = sys.argv[1:5]
    host, port = address.rsplit(":", 1)
    Switch(int(dpid, 0), log_path, table_path).run(host, int(port))


if __name__ == "__main__":
    main()
