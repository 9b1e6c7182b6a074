#!/usr/bin/python3
# Copyright (c) 2026 CNSMO project. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
"""Real connections for SdnEndToEndTest's random-policy probes, run inside a host's network namespace.

respond TCP_PORTS UDP_PORTS
    Listens on every given TCP port (accepts and closes) and UDP port (echoes each datagram) and prints
    "ready" once bound. A port another process already holds is left to it (the fixture's socat listeners
    accept and echo the same way).
probe TIMEOUT RATE
    Reads "tcp|udp ADDRESS PORT" lines from stdin, starts RATE attempts a second, each in its own thread,
    and prints "tcp|udp ADDRESS PORT OUTCOME MILLIS" per line: accept (connected, or the echo came back),
    reject (a TCP reset or an ICMP port unreachable: ECONNREFUSED), drop (nothing within TIMEOUT seconds),
    or error-ERRNO. A UDP datagram is sent again after one second without an answer, as TCP retransmits its SYN.
"""
import errno
import selectors
import socket
import sys
import threading
import time


def respond(tcp_ports, udp_ports):
    selector = selectors.DefaultSelector()
    for port in tcp_ports:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("0.0.0.0", port))
        except OSError as e:
            if e.errno != errno.EADDRINUSE:
                raise
            sock.close()
            continue
        sock.listen(128)
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ, "tcp")
    for port in udp_ports:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            sock.bind(("0.0.0.0", port))
        except OSError as e:
            if e.errno != errno.EADDRINUSE:
                raise
            sock.close()
            continue
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ, "udp")
    print("ready", flush=True)
    while True:
        for key, _ in selector.select():
            sock = key.fileobj
            try:
                if key.data == "tcp":
                    conn, _ = sock.accept()
                    conn.close()
                else:
                    data, peer = sock.recvfrom(2048)
                    sock.sendto(data, peer)
            except OSError:
                pass


def attempt(protocol, address, port, timeout):
    start = time.monotonic()
    if protocol == "tcp":
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect((address, port))
            outcome = "accept"
        except ConnectionRefusedError:
            outcome = "reject"
        except socket.timeout:
            outcome = "drop"
        except OSError as e:
            outcome = "error-%d" % e.errno
        finally:
            sock.close()
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.connect((address, port))
        outcome = "drop"
        try:
            for wait in (1.0, timeout - 1.0):
                sock.send(b"cnsmo-probe")
                sock.settimeout(wait)
                try:
                    if sock.recv(2048) == b"cnsmo-probe":
                        outcome = "accept"
                        break
                except socket.timeout:
                    continue
        except ConnectionRefusedError:
            outcome = "reject"
        except OSError as e:
            outcome = "error-%d" % e.errno
        finally:
            sock.close()
    return outcome, int((time.monotonic() - start) * 1000)


def probe(timeout, rate):
    lines = [line.split() for line in sys.stdin if line.strip()]
    results = [None] * len(lines)

    def run(index, protocol, address, port):
        results[index] = attempt(protocol, address, port, timeout)

    threads = []
    start = time.monotonic()
    for index, (protocol, address, port) in enumerate(lines):
        pause = start + index / rate - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        thread = threading.Thread(target=run, args=(index, protocol, address, int(port)))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    for (protocol, address, port), (outcome, millis) in zip(lines, results):
        print(protocol, address, port, outcome, millis)


if __name__ == "__main__":
    if sys.argv[1] == "respond":
        respond([int(p) for p in sys.argv[2].split(",") if p], [int(p) for p in sys.argv[3].split(",") if p])
    else:
        probe(float(sys.argv[2]), float(sys.argv[3]))
