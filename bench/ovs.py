"""One private Open vSwitch (its own database and run directory, userspace datapath) holding N bridges."""

import os
import re
import selectors
import shutil
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CONTROLLER = "tcp:127.0.0.1:6633"  # the lab plain TCP listener the bench opens
FLOW_KEY = re.compile(r"nw_dst=([0-9.]+).*tp_dst=([0-9]+)")


class Ovs:
    def __init__(self, directory):
        self.dir = Path(directory)
        self.env = dict(os.environ, OVS_RUNDIR=str(self.dir), OVS_LOGDIR=str(self.dir), OVS_DBDIR=str(self.dir),
                        OVS_SYSCONFDIR=str(self.dir))
        self.bridges = []
        self.pool = ThreadPoolExecutor(max_workers=8)

    @staticmethod
    def bridge_name(index):
        return f"b{index:03d}"

    @staticmethod
    def datapath_id(index):
        return index + 1

    def run(self, *command, check=True):
        result = subprocess.run(command, env=self.env, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()}")
        return result.stdout

    def vsctl(self, *args):
        return self.run("ovs-vsctl", f"--db=unix:{self.dir}/db.sock", *args)

    def ofctl(self, *args, check=True):
        return self.run("ovs-ofctl", "-O", "OpenFlow13", *args, check=check)

    def start(self, bridges):
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        self.run("ovsdb-tool", "create", f"{self.dir}/conf.db", "/usr/share/openvswitch/vswitch.ovsschema")
        self.run("ovsdb-server", f"--remote=punix:{self.dir}/db.sock", f"--pidfile={self.dir}/ovsdb-server.pid",
                 "--detach", f"--log-file={self.dir}/ovsdb-server.log", f"{self.dir}/conf.db")
        self.vsctl("--no-wait", "init")
        self.run("ovs-vswitchd", f"unix:{self.dir}/db.sock", f"--pidfile={self.dir}/ovs-vswitchd.pid", "--detach",
                 f"--log-file={self.dir}/ovs-vswitchd.log")
        self.bridges = [self.bridge_name(i) for i in range(bridges)]
        for first in range(0, bridges, 25):
            args = []
            for index in range(first, min(first + 25, bridges)):
                args += self._bridge_args(index)
            self.vsctl(*args[1:])

    def _bridge_args(self, index):
        name = self.bridge_name(index)
        return ["--", "add-br", name, "--", "set", "bridge", name, "datapath_type=netdev", "protocols=OpenFlow13",
                "fail-mode=secure", f"other-config:datapath-id={self.datapath_id(index):016x}",
                "--", "set-controller", name, CONTROLLER,
                "--", "set", "controller", name, "connection-mode=out-of-band"]

    def connected(self):
        """How many bridges have an OpenFlow connection to the controller."""
        out = self.vsctl("--format=csv", "--no-headings", "--columns=is_connected", "list", "controller")
        return out.split().count("true")

    def flow_count(self, bridge, cookie, mask="0xffff000000000000"):
        """Flows on a bridge whose cookie matches under the mask (one cheap aggregate request)."""
        out = self.ofctl("dump-aggregate", bridge, f"cookie={cookie}/{mask}")
        return int(re.search(r"flow_count=(\d+)", out).group(1))

    def flow_counts(self, bridges, cookie, mask="0xffff000000000000"):
        """flow_count of several bridges, read in parallel."""
        return dict(zip(bridges, self.pool.map(lambda br: self.flow_count(br, cookie, mask), bridges)))

    def packets(self, bridge, cookie):
        out = self.ofctl("dump-aggregate", bridge, f"cookie={cookie}/-1")
        return int(re.search(r"packet_count=(\d+)", out).group(1))

    def add_port(self, bridge, port):
        self.vsctl("add-port", bridge, port)

    def stop(self):
        self.pool.shutdown(wait=False)
        for name in ("ovs-vswitchd", "ovsdb-server"):
            pidfile = self.dir / f"{name}.pid"
            if pidfile.exists():
                try:
                    os.kill(int(pidfile.read_text().strip()), signal.SIGTERM)
                except (ProcessLookupError, ValueError):
                    pass
        time.sleep(0.5)


class FlowMonitor:
    """`ovs-ofctl monitor` on every bridge; records when each flow (by nw_dst, tp_dst) appears and goes.

    Each event is timestamped by this process as soon as the line arrives, so the resolution is that of the
    OpenFlow monitor message delivery (sub-millisecond here), not of a polling loop.
    """

    def __init__(self, ovs, bridges):
        self.events = {}
        self.counts = {"added": 0, "deleted": 0}
        self.last = {"added": None, "deleted": None}
        self.cond = threading.Condition()
        self.selector = selectors.DefaultSelector()
        self.processes = []
        for bridge in bridges:
            process = subprocess.Popen(["stdbuf", "-oL", "ovs-ofctl", "-O", "OpenFlow13", "monitor", bridge,
                                        "watch:!initial,!modify,table=0"], env=ovs.env,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            os.set_blocking(process.stdout.fileno(), False)
            self.selector.register(process.stdout, selectors.EVENT_READ, bytearray())
            self.processes.append(process)
        self.running = True
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        time.sleep(1.0)  # let every monitor register with its switch (events arrive on stderr)

    def _read(self):
        while self.running:
            for key, _ in self.selector.select(timeout=0.2):
                now = time.monotonic()
                chunk = key.fileobj.read()
                if not chunk:
                    self.selector.unregister(key.fileobj)
                    continue
                buffer = key.data
                buffer.extend(chunk)
                *lines, rest = buffer.split(b"\n")
                buffer[:] = rest
                for line in lines:
                    self._record(line.decode(errors="replace"), now)

    def _record(self, line, now):
        if "event=" not in line:
            return
        match = FLOW_KEY.search(line)
        if match is None:
            return
        kind = "added" if "event=ADDED" in line else "deleted" if "event=DELETED" in line else None
        if kind is None:
            return
        with self.cond:
            key = (kind, match.group(1), int(match.group(2)))
            if key not in self.events:
                self.events[key] = now
                self.counts[kind] += 1
                self.last[kind] = now
            self.cond.notify_all()

    def wait(self, kind, nw_dst, tp_dst, timeout=30.0):
        """The monotonic time the event was seen, or None after the timeout."""
        key = (kind, nw_dst, tp_dst)
        deadline = time.monotonic() + timeout
        with self.cond:
            while key not in self.events:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)
            return self.events[key]

    def wait_count(self, kind, count, timeout):
        """The time of the count-th distinct event of a kind, or None after the timeout."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while self.counts[kind] < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)
            return self.last[kind]

    def close(self):
        self.running = False
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait()
        self.thread.join(timeout=2)
