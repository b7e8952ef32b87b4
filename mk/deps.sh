#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Makes sure the Debian packages named on the command line are installed, and installs the
# missing ones. Called by mk/deps.mk with the packages the make goals need.
#
#   sh mk/deps.sh LOGFILE PACKAGE...
#
# "Installed" is what dpkg's status database says ("ii"), not whether a command exists: a
# package left "unpacked" or "half-configured" by an interrupted install is repaired with
# `dpkg --configure -a` first. Installs are `apt-get install --no-install-recommends`,
# as root or through sudo; the progress is one short line per step on stderr and apt's
# whole output is appended to LOGFILE. A user who is not root and has no working sudo gets one
# message with the exact command to run. Exit status 0 only if every package is installed.
set -u
log=$1
shift
say() { echo "cairn: $*" >&2; }

if ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian system (no dpkg-query); install the equivalents of: $*"
    exit 1
fi

# Sets $missing (not installed at all) and $broken (present but not in state "ii").
check() {
    missing=
    broken=
    for p in "$@"; do
        st=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null)
        case $st in
            "ii "*) ;;
            ""|"un"*|"pn"*|"rc"*) missing="$missing $p" ;;
            *) broken="$broken $p" ;;
        esac
    done
}

check "$@"
[ -z "$missing$broken" ] && exit 0
# Another package left half-installed (say, a library of one of ours) needs the repair too.
audit=$(dpkg --audit 2>/dev/null)

install_cmd="apt-get install --no-install-recommends$missing$broken"
# A package of another architecture (NAME:ARCH, such as libfdt-dev:arm64) needs that
# architecture known to dpkg before apt-get update fetches its package lists.
new_archs=
for p in $missing $broken; do
    case $p in
        *:*)
            arch=${p#*:}
            if [ "$arch" != "$(dpkg --print-architecture)" ] &&
                ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
                case " $new_archs " in *" $arch "*) ;; *) new_archs="$new_archs $arch" ;; esac
            fi
            ;;
    esac
done
if [ "$(id -u)" = 0 ]; then
    as_root=
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    as_root=none
fi

if [ "$as_root" = none ]; then
    {
        echo "cairn: these Debian packages are needed and not installed:$missing$broken"
        echo "cairn: you are not root and sudo is not installed; as root, run:"
        [ -n "$broken$audit" ] && echo "    dpkg --configure -a"
        if [ -n "$missing$broken" ]; then
            cmd="apt-get update && $install_cmd"
            for arch in $new_archs; do
                cmd="dpkg --add-architecture $arch && $cmd"
            done
            echo "    $cmd"
        fi
        echo "cairn: then run make again."
    } >&2
    exit 1
fi

mkdir -p "$(dirname "$log")"
# The log keeps every install, oldest first.
echo "==== $(date -u '+%F %T') cairn: installing$missing$broken" >>"$log" 2>/dev/null || log=/dev/null
step() { # step TEXT COMMAND...: one line on stderr, the command's output into the log
    text=$1
    shift
    printf 'cairn: %s ... ' "$text" >&2
    t0=$(date +%s)
    echo "\$ $*" >>"$log"
    if "$@" </dev/null >>"$log" 2>&1; then
        echo "done ($(($(date +%s) - t0)) s)" >&2
        return 0
    fi
    echo "FAILED" >&2
    return 1
}
failed() {
    say "the last lines of $log:"
    tail -n 15 "$log" | sed 's/^/    /' >&2
    say "fix the problem, or run as root:"
    [ -n "$broken$audit" ] && echo "    dpkg --configure -a" >&2
    [ -n "$missing$broken" ] && echo "    apt-get update && $install_cmd" >&2
    exit 1
}

say "installing Debian packages:$missing$broken (${as_root:+with sudo; }full log: $log)"
# dpkg itself does not wait for another apt or dpkg run to finish; retry for 5 minutes.
configure_all() {
    n=0
    while ! "$@" dpkg --configure -a; do
        n=$((n + 1))
        [ $n -lt 60 ] && tail -n 3 "$log" | grep -q 'lock' || return 1
        sleep 5
    done
}
# Wait for another apt or dpkg run to finish instead of failing on its lock.
wait_lock="-o DPkg::Lock::Timeout=300"
if [ -n "$broken$audit" ]; then
    step "repairing an interrupted install (dpkg --configure -a)" \
        configure_all $as_root env DEBIAN_FRONTEND=noninteractive || failed
fi
for arch in $new_archs; do
    step "dpkg --add-architecture $arch" $as_root dpkg --add-architecture "$arch" || failed
done
step "apt-get update" $as_root apt-get $wait_lock update || failed
step "apt-get install$missing$broken" $as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y $wait_lock --no-install-recommends $missing $broken || failed
check "$@"
if [ -n "$missing$broken" ]; then
    say "still not installed after apt-get:$missing$broken"
    failed
fi
say "packages installed"
exit 0
