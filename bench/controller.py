"""The CNSMO controller under test: a fresh copy of the Karaf assembly, its RESTCONF, its cost."""

import base64
import http.client
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

PLAIN_OPENFLOW = "127.0.0.1:6633"  # the lab plain TCP OpenFlow listener (etc/org.cnsmo.openflow.cfg)
GUARDED_CONTAINERS = 7
SERVICES_STARTED = ("CNSMO SDN renderer started", "CNSMO VPN service started", "CNSMO DNS service started")
# What SwitchRenderer logs when it repairs a switch.
REPAIR_LOG_LINES = ("adding them again", "are planned; replacing them", "that no intent owns; removing them")
CLK_TCK = os.sysconf("SC_CLK_TCK")


class Restconf:
    """A keep-alive HTTP client for /rests/data with basic authentication."""

    def __init__(self, host="127.0.0.1", port=8181, user="admin", password="admin"):
        self.host, self.port = host, port
        self.set_credentials(user, password)
        self.conn = None

    def set_credentials(self, user, password):
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.headers = {"Authorization": "Basic " + token, "Content-Type": "application/yang-data+json",
                        "Accept": "application/yang-data+json"}

    def request(self, method, path, body=None, timeout=600):
        """Returns (status, parsed JSON or None). Retries once on a dropped keep-alive connection."""
        data = None if body is None else json.dumps(body).encode()
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            try:
                self.conn.request(method, "/rests/data/" + path, body=data, headers=self.headers)
                response = self.conn.getresponse()
                raw = response.read()
                break
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return response.status, parsed

    def get(self, path):
        return self.request("GET", path)

    def put(self, path, body):
        return self.request("PUT", path, body)

    def patch(self, path, body):
        return self.request("PATCH", path, body)

    def delete(self, path):
        return self.request("DELETE", path)


def expect(result, *statuses):
    """Fails loudly when a RESTCONF call did not answer one of the expected statuses."""
    status, body = result
    if status not in statuses:
        raise RuntimeError(f"RESTCONF answered {status}: {str(body)[:500]}")
    return body


class Controller:
    """One controller boot from a fresh copy of the assembly (empty datastore)."""

    def __init__(self, assembly, home, heap="768m"):
        self.assembly, self.home, self.heap = Path(assembly), Path(home), heap
        self.process = None
        self.rest = Restconf()
        self.boot_seconds = None

    def start(self, timeout=300):
        """Starts Karaf and waits until CNSMO is ready; returns the boot-to-ready time in seconds."""
        shutil.rmtree(self.home, ignore_errors=True)
        self.home.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cp", "-a", str(self.assembly), str(self.home)], check=True)
        # A lab: the bench's bridges attach over plain TCP on loopback (README "How switches authenticate").
        (self.home / "etc" / "org.cnsmo.openflow.cfg").write_text(f"plain-tcp = {PLAIN_OPENFLOW}\n")
        # CNSMO_BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=... to profile a run.
        extra = os.environ.get("CNSMO_BENCH_JAVA_OPTS", "")
        env = dict(os.environ, EXTRA_JAVA_OPTS=f"-Xmx{self.heap} {extra}".strip())
        start = time.monotonic()
        with open(self.home / "console.log", "wb") as console:
            # A session of its own: stopping it kills exactly this process group, nothing else.
            self.process = subprocess.Popen([str(self.home / "bin/karaf"), "server"], cwd=self.home, env=env,
                                            stdout=console, stderr=subprocess.STDOUT, start_new_session=True)
        while not (self._log_ready() and self._restconf_ready()):
            if self.process.poll() is not None:
                raise RuntimeError(f"Karaf exited with {self.process.returncode}, see {self.home}")
            if time.monotonic() - start > timeout:
                raise RuntimeError(f"controller not ready after {timeout} s, see {self.home}")
            time.sleep(0.1)
        self.boot_seconds = time.monotonic() - start
        return self.boot_seconds

    def _log_ready(self):
        log = self.home / "data/log/karaf.log"
        if not log.exists():
            return False
        text = log.read_text(errors="replace")
        return text.count("CNSMO validating") >= GUARDED_CONTAINERS and all(m in text for m in SERVICES_STARTED)

    def repairs(self):
        """How many repairs the renderer has logged so far (flows added back, replaced, or unowned ones removed)."""
        total = 0
        for log in (self.home / "data/log").glob("karaf.log*"):
            text = log.read_text(errors="replace")
            total += sum(text.count(repair) for repair in REPAIR_LOG_LINES)
        return total

    def _password(self):
        path = self.home / "cnsmo/admin-password"
        return path.read_text().strip() if path.exists() else None

    def _restconf_ready(self):
        """RESTCONF answers with the admin password of this instance (the generated one when it exists)."""
        password = self._password()
        self.rest.set_credentials("admin", password or "admin")
        try:
            status, _ = self.rest.get("cnsmo-nodes:nodes")
        except OSError:
            return False
        # 401 without a password file: the controller has not written it yet, keep waiting.
        return status in (200, 404, 409)

    def java_pid(self):
        """The JVM: bin/karaf runs it as a child (or execs it)."""
        pending, seen = [self.process.pid], []
        while pending:
            pid = pending.pop()
            seen.append(pid)
            pending.extend(_children(pid))
        for pid in seen:
            try:
                if b"java" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return pid
            except OSError:
                continue
        raise RuntimeError("no JVM among the Karaf processes")

    def usage(self):
        """Resident memory (MiB), CPU time (s, user + system) and threads of the JVM now."""
        pid = self.java_pid()
        status = Path(f"/proc/{pid}/status").read_text()
        rss_kib = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
        threads = int(next(line.split()[1] for line in status.splitlines() if line.startswith("Threads:")))
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime
        return {"rss_mib": round(rss_kib / 1024, 1), "cpu_seconds": round(cpu, 2), "threads": threads}

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        pgid = self.process.pid
        for sig, wait in ((signal.SIGTERM, 60), (signal.SIGKILL, 10)):
            try:
                os.killpg(pgid, sig)
            except ProcessLookupError:
                return
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                if self.process.poll() is not None and not _group_alive(pgid):
                    return
                time.sleep(0.2)


def _children(pid):
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
