"""CNSMO SDN benchmark: the real controller distribution against one Open vSwitch holding N bridges.

Run through bench/run.sh, which creates the network namespace this runs in. See docs/benchmark.md.
"""

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from controller import Controller, expect
from ovs import FlowMonitor, Ovs

FILTER_COOKIE = "0xca02000000000000"
NODE_COOKIE = "0xca01000000000000"
RAW_COOKIE = "0xbb02000000000000"
FILTERS = "cnsmo-traffic-filters:traffic-filters"
FRESH_PORT = 9
FRESH_DST = "10.255.0.2"


def log(message):
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


def percentiles(values):
    """p50/p90/p99/max (nearest rank) in milliseconds."""
    if not values:
        return None
    ordered = sorted(values)

    def rank(p):
        # nearest rank: the smallest value with at least p % of the samples at or below it, i.e. the
        # ceil(p/100 * n)-th; integers, so that p99 of 100 samples is the 99th and not the largest
        return ordered[max(1, -(-p * len(ordered) // 100)) - 1]
    return {"count": len(ordered), "p50_ms": round(rank(50) * 1000, 1), "p90_ms": round(rank(90) * 1000, 1),
            "p99_ms": round(rank(99) * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


def node_name(index):
    return f"n{index:03d}"


def bulk_flow(j):
    """The j-th bulk flow: a distinct /32 destination, TCP port 8080."""
    return f"10.{64 + (j >> 16)}.{(j >> 8) & 255}.{j & 255}", 8080


def filter_entry(name, node, nw_dst, port):
    return {"name": name, "node": node, "tcp-destination-port": port, "ipv4-destination": f"{nw_dst}/32"}


class Bench:
    def __init__(self, args):
        self.args = args
        self.scratch = Path(args.scratch)
        self.rng = random.Random(args.seed)

    # ---- setup -------------------------------------------------------------------------------

    def setup(self, switches):
        """Boots a fresh controller, starts N bridges, declares N nodes; waits for the node flows."""
        self.controller = Controller(self.args.assembly, self.scratch / f"karaf-{switches}", self.args.heap)
        log(f"N={switches}: booting the controller")
        boot = self.controller.start()
        self.rest = self.controller.rest
        at_ready = self.controller.usage()
        log(f"  ready in {boot:.1f} s, {at_ready['rss_mib']} MiB")
        self.ovs = Ovs(self.scratch / f"ovs-{switches}")
        self.ovs.start(switches)
        nodes = [{"name": node_name(i), "datapath-id": Ovs.datapath_id(i), "uplink-port": 1,
                  "switch-address": "127.0.0.1"}
                 for i in range(switches)]
        expect(self.rest.patch("cnsmo-nodes:nodes", {"cnsmo-nodes:nodes": {"node": nodes}}), 200, 201, 204)
        start = time.monotonic()
        pending = list(self.ovs.bridges)
        while pending:
            counts = self.ovs.flow_counts(pending, NODE_COOKIE)
            pending = [br for br, count in counts.items() if count == 0]
            if time.monotonic() - start > 180:
                raise RuntimeError(f"bridges without node flows after 180 s: {pending[:5]}")
            time.sleep(0.2)
        log(f"  {switches} switches connected with their node flows after {time.monotonic() - start:.1f} s")
        return {"switches": switches, "boot_to_ready_s": round(boot, 1), "at_ready": at_ready,
                "switches_ready_s": round(time.monotonic() - start, 1)}

    def teardown(self):
        if getattr(self, "ovs", None):
            self.ovs.stop()
        if getattr(self, "controller", None):
            self.controller.stop()
        self.ovs = self.controller = None

    def idle(self, seconds):
        """Resident memory, CPU time, and CPU use (% of one core) over an idle window."""
        first = self.controller.usage()
        time.sleep(seconds)
        last = self.controller.usage()
        last["idle_cpu_percent"] = round(100 * (last["cpu_seconds"] - first["cpu_seconds"]) / seconds, 1)
        return last

    # ---- 1. single-change latency --------------------------------------------------------------

    def latency(self, changes, prefix="lat", warmup=0):
        """K filters created one at a time on random switches, then deleted one at a time.

        The first `warmup` creations are timed but kept out of the percentiles: they run code paths for the
        first time (class loading, JIT) and are reported on their own.
        """
        monitor = FlowMonitor(self.ovs, self.ovs.bridges)
        try:
            added, deleted, http_add, http_delete = [], [], [], []
            created = []
            for i in range(changes + warmup):
                node = node_name(self.rng.randrange(len(self.ovs.bridges)))
                name, nw_dst, port = f"{prefix}-{i}", f"10.200.{i >> 8}.{i & 255}", 1000 + i
                entry = filter_entry(name, node, nw_dst, port)
                start = time.monotonic()
                expect(self.rest.put(f"{FILTERS}/filter={name}", {"cnsmo-traffic-filters:filter": [entry]}),
                       200, 201, 204)
                http_add.append(time.monotonic() - start)
                seen = monitor.wait("added", nw_dst, port)
                if seen is None:
                    raise RuntimeError(f"filter {name} never reached its switch")
                added.append(seen - start)
                created.append((name, nw_dst, port))
            self.rng.shuffle(created)
            for name, nw_dst, port in created:
                start = time.monotonic()
                expect(self.rest.delete(f"{FILTERS}/filter={name}"), 200, 204)
                http_delete.append(time.monotonic() - start)
                seen = monitor.wait("deleted", nw_dst, port)
                if seen is None:
                    raise RuntimeError(f"filter {name} never left its switch")
                deleted.append(seen - start)
        finally:
            monitor.close()
        cold = [round(x * 1000, 1) for x in added[:warmup]]
        added, http_add = added[warmup:], http_add[warmup:]
        return {"warmup_add_ms": cold, "add_samples_ms": [round(x * 1000, 1) for x in added],
                "add": percentiles(added), "delete": percentiles(deleted),
                "add_http_response": percentiles(http_add), "delete_http_response": percentiles(http_delete)}

    def latency_loaded(self, flows, changes):
        """Single-change latency again, with M filters already configured and on the switches."""
        switches = len(self.ovs.bridges)
        entries = [filter_entry(f"bulk-{j}", node_name(j % switches), *bulk_flow(j)) for j in range(flows)]
        expect(self.rest.patch(FILTERS, {FILTERS: {"filter": entries}}), 200, 201, 204)
        self.wait_flows(FILTER_COOKIE, self.expected_counts(flows, True), self.args.timeout)
        log(f"  single-change latency with {flows} filters present, {changes} filters")
        result = self.latency(changes, prefix="loaded", warmup=self.args.warmup)
        result["filters_present"] = flows
        log(f"  add {result['add']}")
        log(f"  delete {result['delete']}")
        expect(self.rest.delete(FILTERS), 200, 204)
        self.wait_flows(FILTER_COOKIE, self.expected_counts(flows, False), self.args.timeout)
        return result

    # ---- 2. bulk through RESTCONF, 3. raw baseline ----------------------------------------------

    def wait_flows(self, cookie, expected, timeout):
        """Polls every bridge until each holds its expected flow count; returns (done time, poll cycle s)."""
        pending = dict(expected)
        cycles, first = 0, time.monotonic()
        while pending:
            counts = self.ovs.flow_counts(list(pending), cookie)
            cycles += 1
            pending = {br: want for br, want in pending.items() if counts[br] != want}
            if time.monotonic() - first > timeout:
                raise RuntimeError(f"{len(pending)} bridges still wrong after {timeout} s")
        done = time.monotonic()
        return done, (done - first) / cycles

    def expected_counts(self, flows, value):
        switches = len(self.ovs.bridges)
        counts = {br: 0 for br in self.ovs.bridges}
        if value:
            for j in range(flows):
                counts[self.ovs.bridges[j % switches]] += 1
        return counts

    def bulk(self, flows, settle=True):
        """One PATCH of M filters spread round-robin over the N nodes; time until all are on the switches.

        The switches' flow monitors timestamp every flow as it arrives; a dump of every bridge then checks
        that each holds exactly its share.
        """
        switches = len(self.ovs.bridges)
        entries = [filter_entry(f"bulk-{j}", node_name(j % switches), *bulk_flow(j)) for j in range(flows)]
        body = {FILTERS: {"filter": entries}}
        monitor = FlowMonitor(self.ovs, self.ovs.bridges)
        try:
            before = self.controller.usage()
            repairs = self.controller.repairs()
            start = time.monotonic()
            expect(self.rest.patch(FILTERS, body), 200, 201, 204)
            http = time.monotonic() - start
            done = monitor.wait_count("added", flows, self.args.timeout)
            if done is None:
                raise RuntimeError(f"only {monitor.counts['added']} of {flows} flows reached the switches")
            after = self.controller.usage()
            self.wait_flows(FILTER_COOKIE, self.expected_counts(flows, True), 60)
            total = done - start
            log(f"  bulk {flows} flows: HTTP {http:.2f} s, on switches after {total:.2f} s "
                f"({flows / total:.0f} flows/s), {after['rss_mib']} MiB")
            result = {"flows": flows, "http_s": round(http, 3), "all_on_switches_s": round(total, 3),
                      "flows_per_s": round(flows / total),
                      "cpu_seconds_used": round(after["cpu_seconds"] - before["cpu_seconds"], 2)}
            if settle:
                result["after_load"] = self.idle(self.args.settle)
            start = time.monotonic()
            expect(self.rest.delete(FILTERS), 200, 204)
            done = monitor.wait_count("deleted", flows, self.args.timeout)
            if done is None:
                raise RuntimeError(f"only {monitor.counts['deleted']} of {flows} flows left the switches")
        finally:
            monitor.close()
        self.wait_flows(FILTER_COOKIE, self.expected_counts(flows, False), 60)
        result["delete_all_s"] = round(done - start, 3)
        # Repairs while the switches were still catching up with the load or the delete would be wasted work.
        result["repairs"] = self.controller.repairs() - repairs
        result["delete_flows_per_s"] = round(flows / (done - start))
        log(f"  deleted them in {done - start:.2f} s; {result['repairs']} repairs during the load and delete")
        return result

    def bulk_rounds(self, flows):
        """--repeat rounds of: our bulk load, then the same flows with add-flows and with --bundle.

        The rates move a lot from one round to the next on a shared 2-core machine (the baseline too), so the
        figures kept are the medians of the rounds, interleaved so that a slow spell hits both sides; every
        round is kept in "rounds". Memory and CPU after the load come from the first round.

        The first --bulk-warmup loads run first and are reported on their own ("warmup_rounds"): the controller
        compiles the bulk path's code during them, and a controller that has been up a while runs it compiled.
        Measured on December 7, 2026 (10 switches, 10,000 flows), the JIT compilers still used 0.4-0.5 s of CPU
        per load after 2 loads and settled after about 10, and the rate rose from 4,000 flows/s for the first
        load to 16,000-22,000 from the tenth on.
        """
        warmup = []
        for index in range(self.args.bulk_warmup):
            warm = self.bulk(flows, settle=False)
            log(f"  warm-up load {index + 1} of {self.args.bulk_warmup}, not counted")
            warmup.append(warm)
        rounds = []
        for index in range(self.args.repeat):
            ours = self.bulk(flows, settle=index == 0)
            ours["raw_add_flows"] = self.raw(flows, bundle=False)
            ours["raw_bundle"] = self.raw(flows, bundle=True)
            ours["ratio_to_add_flows"] = round(ours["flows_per_s"] / ours["raw_add_flows"]["flows_per_s"], 3)
            rounds.append(ours)
        step = dict(rounds[0])
        for key in ("http_s", "all_on_switches_s", "flows_per_s", "cpu_seconds_used", "delete_all_s",
                    "delete_flows_per_s", "repairs"):
            step[key] = statistics.median(r[key] for r in rounds)
        for side in ("raw_add_flows", "raw_bundle"):
            step[side] = {key: statistics.median(r[side][key] for r in rounds) for key in ("seconds", "flows_per_s")}
        step["ratio_to_add_flows"] = round(step["flows_per_s"] / step["raw_add_flows"]["flows_per_s"], 3)
        step["ratio_to_bundle"] = round(step["flows_per_s"] / step["raw_bundle"]["flows_per_s"], 3)
        step["round_ratios_to_add_flows"] = [r["ratio_to_add_flows"] for r in rounds]
        step["rounds"] = [{key: value for key, value in r.items() if key != "after_load"} for r in rounds]
        step["warmup_rounds"] = warmup
        log(f"  bulk {flows} flows, median of {len(rounds)} rounds: {step['flows_per_s']:.0f} flows/s, ratio to "
            f"add-flows {step['ratio_to_add_flows']} (rounds {step['round_ratios_to_add_flows']})")
        return step

    def raw(self, flows, bundle):
        """The same M flows written with ovs-ofctl add-flows, one file per bridge, bridges one after another."""
        switches = len(self.ovs.bridges)
        files = {br: self.scratch / f"raw-{br}.flows" for br in self.ovs.bridges}
        lines = {br: [] for br in self.ovs.bridges}
        for j in range(flows):
            nw_dst, port = bulk_flow(j)
            lines[self.ovs.bridges[j % switches]].append(
                f"table=0,cookie={RAW_COOKIE[:-4]}{j & 0xffff:04x},priority=40000,tcp,nw_dst={nw_dst},"
                f"tp_dst={port},actions=drop")
        for br, path in files.items():
            path.write_text("\n".join(lines[br]) + "\n")
        extra = ["--bundle"] if bundle else []
        start = time.monotonic()
        for br, path in files.items():
            if lines[br]:
                self.ovs.ofctl(*extra, "add-flows", br, str(path))
        total = time.monotonic() - start
        counts = self.ovs.flow_counts(self.ovs.bridges, RAW_COOKIE)
        if sum(counts.values()) != flows:
            raise RuntimeError(f"raw add-flows left {sum(counts.values())} flows, not {flows}")
        for br in self.ovs.bridges:
            self.ovs.ofctl("del-flows", br, f"cookie={RAW_COOKIE}/0xffff000000000000")
        for path in files.values():
            path.unlink()
        label = "ovs-ofctl --bundle add-flows" if bundle else "ovs-ofctl add-flows"
        log(f"  {label}: {flows} flows in {total:.2f} s ({flows / total:.0f} flows/s)")
        return {"seconds": round(total, 3), "flows_per_s": round(flows / total)}

    # ---- 5. counter freshness -------------------------------------------------------------------

    def freshness(self, samples):
        """Time from a TCP SYN hitting a drop flow to its counter change over RESTCONF."""
        bridge = self.ovs.bridges[0]
        for command in (["ip", "link", "add", "vbench0", "type", "veth", "peer", "name", "vbench1"],
                        ["ip", "addr", "add", "10.255.0.1/24", "dev", "vbench0"],
                        ["ip", "link", "set", "vbench0", "up"], ["ip", "link", "set", "vbench1", "up"],
                        ["ethtool", "-K", "vbench0", "tx", "off"],
                        ["ip", "neigh", "replace", FRESH_DST, "lladdr", "02:00:00:00:00:02", "dev", "vbench0"]):
            subprocess.run(command, check=True, capture_output=True)
        self.ovs.add_port(bridge, "vbench1")
        entry = filter_entry("fresh", node_name(0), FRESH_DST, FRESH_PORT)
        expect(self.rest.put(f"{FILTERS}/filter=fresh", {"cnsmo-traffic-filters:filter": [entry]}), 200, 201, 204)
        self.wait_flows(FILTER_COOKIE, {br: (1 if br == bridge else 0) for br in self.ovs.bridges}, 60)
        status_path = f"{FILTERS}/filter=fresh/status?content=nonconfig"
        latencies, switch_side, polls = [], [], []
        for _ in range(samples):
            time.sleep(self.rng.uniform(0.5, 2.5))  # no phase lock with the controller's poll period
            before = self._packets(status_path)
            start = time.monotonic()
            probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            probe.setblocking(False)
            probe.connect_ex((FRESH_DST, FRESH_PORT))  # sends one SYN now
            switch_seen = None
            while True:
                if switch_seen is None and self.ovs.packets(bridge, self._cookie_of_fresh(bridge)) > 0:
                    switch_seen = time.monotonic() - start
                polls.append(time.monotonic())
                if self._packets(status_path) > before:
                    latencies.append(time.monotonic() - start)
                    break
                if time.monotonic() - start > 30:
                    raise RuntimeError("the counter did not change within 30 s")
                time.sleep(0.02)
            probe.close()  # aborts the connection attempt: no retransmission reaches the next sample
            if switch_seen is not None:
                switch_side.append(switch_seen)
        cycle = (polls[-1] - polls[0]) / max(1, len(polls) - 1)
        expect(self.rest.delete(f"{FILTERS}/filter=fresh"), 200, 204)
        subprocess.run(["ip", "link", "del", "vbench0"], capture_output=True)
        return {"restconf": percentiles(latencies), "switch_counter": percentiles(switch_side),
                "observation_cycle_ms": round(cycle * 1000, 1)}

    def _cookie_of_fresh(self, bridge):
        if not hasattr(self, "fresh_cookie"):
            out = self.ovs.ofctl("dump-flows", bridge, f"cookie={FILTER_COOKIE}/0xffff000000000000")
            self.fresh_cookie = out.split("cookie=")[1].split(",")[0]
        return self.fresh_cookie

    def _packets(self, path):
        status, body = self.rest.get(path)
        if status != 200:
            return 0
        stats = body["cnsmo-traffic-filters:status"].get("statistics", {})
        return int(stats.get("packets", 0))

    # ---- one N ----------------------------------------------------------------------------------

    def run_switches(self, switches):
        result = self.setup(switches)
        # Other work on the machine skews every figure: keep its trace (1, 5, 15 minute load averages).
        result["loadavg_at_start"] = os.getloadavg()
        try:
            result["idle"] = self.idle(self.args.settle)
            log(f"  idle: {result['idle']}")
            if self.args.changes:
                log(f"  single-change latency, {self.args.changes} filters")
                result["latency"] = self.latency(self.args.changes, warmup=self.args.warmup)
                log(f"  first {self.args.warmup} (warm-up, not counted): {result['latency']['warmup_add_ms']} ms")
                log(f"  add {result['latency']['add']}")
                log(f"  delete {result['latency']['delete']}")
            result["bulk"] = [self.bulk_rounds(flows) for flows in self.args.flows]
            if self.args.changes and self.args.loaded:
                result["latency_loaded"] = self.latency_loaded(self.args.loaded, self.args.changes)
            if self.args.fresh:
                log(f"  counter freshness, {self.args.fresh} samples")
                result["freshness"] = self.freshness(self.args.fresh)
                log(f"  {result['freshness']}")
        finally:
            self.teardown()
        return result


def machine():
    def first(path, key):
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
        return None
    ovs_version = subprocess.run(["ovs-vswitchd", "--version"], capture_output=True, text=True).stdout
    return {"nproc": os.cpu_count(), "cpu_model": first("/proc/cpuinfo", "model name"),
            "mem_total": first("/proc/meminfo", "MemTotal"), "kernel": platform.release(),
            "ovs": ovs_version.splitlines()[0] if ovs_version else None,
            "loadavg_at_start": os.getloadavg()}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    ints = lambda text: [int(x) for x in text.split(",") if x]  # noqa: E731
    parser.add_argument("--assembly", required=True)
    parser.add_argument("--scratch", required=True, help="work directory (controller copies, OVS)")
    parser.add_argument("--results", required=True, help="directory for results.json and summary.txt")
    parser.add_argument("--switches", type=ints, default=[10, 100], help="N values, e.g. 10,100")
    parser.add_argument("--flows", type=ints, default=[1000, 10000], help="M values, e.g. 1000,10000,100000")
    parser.add_argument("--changes", type=int, default=100, help="K single changes per N (0 to skip)")
    parser.add_argument("--warmup", type=int, default=5,
                        help="single changes made first and left out of the percentiles")
    parser.add_argument("--loaded", type=int, default=10000,
                        help="also measure single changes with this many filters present (0 to skip)")
    parser.add_argument("--fresh", type=int, default=8, help="counter freshness samples per N (0 to skip)")
    parser.add_argument("--settle", type=float, default=10, help="idle window for CPU and memory, seconds")
    parser.add_argument("--heap", default="768m", help="controller -Xmx")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for a bulk load")
    parser.add_argument("--bulk-warmup", type=int, default=10,
                        help="bulk loads per M made first and left out of the medians (listed on their own)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="rounds of bulk load and baseline per M; medians are reported")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    results_dir = Path(args.results)
    results_dir.mkdir(parents=True, exist_ok=True)
    bench = Bench(args)
    started = time.monotonic()
    report = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
              "parameters": {k: v for k, v in vars(args).items() if k not in ("scratch", "results")}, "runs": []}
    try:
        for switches in args.switches:
            report["runs"].append(bench.run_switches(switches))
            (results_dir / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    finally:
        bench.teardown()
        report["wall_seconds"] = round(time.monotonic() - started)
        report["loadavg_at_end"] = os.getloadavg()
        (results_dir / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    from summary import summarize
    text = summarize(report)
    (results_dir / "summary.txt").write_text(text)
    print(text)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])
