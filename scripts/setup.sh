#!/usr/bin/env bash
# Provision what CNSMO's build and tests need on a Debian 12 machine, idempotently:
#  - Debian packages the tests drive (curl, unzip, patchelf, ...),
#  - a private JDK 21 (Debian 12 has none): the trixie openjdk-21 packages and the
#    trixie libc they need are unpacked into $CNSMO_TOOLS and their ELF interpreter and
#    run path pointed there, so nothing system-wide changes.
# Prints the JAVA_HOME to use on its last line. Other distributions: install any JDK 21
# and export JAVA_HOME instead of running this.
set -euo pipefail

TOOLS=${CNSMO_TOOLS:-${HOME}/.cache/cnsmo-tools}
JDK_ROOT=$TOOLS/jdk21-root
JAVA_HOME_21=$JDK_ROOT/usr/lib/jvm/java-21-openjdk-amd64
# Dataplane of the end-to-end tests: Open vSwitch (userspace datapath), network namespaces,
# veths, checksum offload control and TCP tools (hping3 for the bounded SYN flood at a reject rule,
# tcpdump to check that a join sends no secret in clear and that QoS marks DSCP; iperf3 for QoS limits); nftables for the overlay's port security on the
# controller host, arping for the test's impostor;
# Chromium for the dashboard's browser test.
DEB_PACKAGES=(curl unzip bc patchelf ca-certificates-java procps chromium
    openvswitch-switch iproute2 ethtool netcat-openbsd socat openvpn openssl iputils-ping
    dnsmasq-base bind9-dnsutils hping3 tcpdump iperf3 haproxy nftables iputils-arping)
# The dashboard is built with npm; any Node.js >= 18 will do, Debian's if there is none.
command -v npm >/dev/null 2>&1 || DEB_PACKAGES+=(nodejs npm)
JDK_DEBS=(openjdk-21-jre-headless openjdk-21-jdk-headless libc6 libstdc++6 libgcc-s1 zlib1g)

log() { echo "setup: $*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_debian_packages() {
    local missing=()
    for p in "${DEB_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

jdk_ready() {
    [ -x "$JAVA_HOME_21/bin/java" ] && "$JAVA_HOME_21/bin/java" -version 2>&1 | grep -q 'version "21'
}

# apt with a private trixie source list and state: reads the archive, installs nothing.
trixie_apt() {
    local dir=$TOOLS/apt
    mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
        > "$dir/sources.list"
    apt-get -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null \
        -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" -o APT::Sandbox::User=root "$@"
}

install_jdk21() {
    jdk_ready && return 0
    log "fetching JDK 21 from Debian trixie into $JDK_ROOT"
    trixie_apt update -qq
    local debs=$TOOLS/debs
    rm -rf "$debs" "$JDK_ROOT" && mkdir -p "$debs" "$JDK_ROOT"
    (cd "$debs" && trixie_apt download -qq "${JDK_DEBS[@]}")
    for d in "$debs"/*.deb; do dpkg-deb -x "$d" "$JDK_ROOT"; done
    relink_absolute_symlinks
    patch_elf_files
    jdk_ready || { log "JDK 21 in $JAVA_HOME_21 does not run"; exit 1; }
}

# The JDK links config files to /etc/java-21-openjdk: point them into the private root
# when the target was unpacked there (cacerts stays the system's, shared by every JDK).
relink_absolute_symlinks() {
    find "$JAVA_HOME_21" -type l | while read -r link; do
        local target
        target=$(readlink "$link")
        case "$target" in
            /*) [ -e "$JDK_ROOT$target" ] && ln -sfn "$JDK_ROOT$target" "$link" ;;
        esac
    done
}

patch_elf_files() {
    local libdir=$JDK_ROOT/usr/lib/x86_64-linux-gnu
    local loader=$libdir/ld-linux-x86-64.so.2
    find "$JAVA_HOME_21" "$libdir" -type f \( -perm -u+x -o -name '*.so*' \) | while read -r f; do
        head -c 4 "$f" | grep -q 'ELF' || continue
        [ "$f" = "$loader" ] && continue
        local rpath
        rpath=$(patchelf --print-rpath "$f" 2>/dev/null || true)
        patchelf --set-rpath "$libdir${rpath:+:$rpath}" "$f"
        if patchelf --print-interpreter "$f" >/dev/null 2>&1; then
            patchelf --set-interpreter "$loader" "$f"
        fi
    done
}

install_debian_packages
install_jdk21
echo "$JAVA_HOME_21"
