#!/bin/sh
# tools/cluster.sh: kabinet on a MariaDB Galera cluster, on one machine (make cluster).
#
#   cluster.sh up ENVDIR PORT BUILDDIR    three Galera nodes, two application hosts (a, b:
#                                         each every section program, on its own node first,
#                                         the others as [db] failover), one nginx on PORT
#                                         with both hosts in every upstream
#   cluster.sh down ENVDIR
#   cluster.sh node-kill ENVDIR N         SIGKILL node N (1-3), as a machine that dies
#   cluster.sh node-start ENVDIR N        start it again: it rejoins (IST from a peer)
#   cluster.sh host-kill ENVDIR a|b       SIGKILL every program of an application host
#   cluster.sh host-start ENVDIR a|b      start them again
#   cluster.sh synced ENVDIR N            exit 0 if node N is a synced member
#
# Ports: the site PORT (and the emulators PORT + 2 .. + 4, as stack.sh's),
# node N's SQL on PORT + 20 + N, Galera's group traffic on PORT + 10 + N,
# incremental state transfer on PORT + 30 + N, full state transfer
# (mariadb-backup through socat) on PORT + 40 + N; all on 127.0.0.1.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:?usage}
C=${2:?envdir}
case "$C" in /*) ;; *) C="$ROOT/$C" ;; esac
STACK="$ROOT/tools/stack.sh"
USER_OPT=""
[ "$(id -u)" -eq 0 ] && USER_OPT="--user=root"

. "$ROOT/tools/lib.sh"
not_alive() { ! alive "$1"; }
sock() { echo "$C/db$1/db.sock"; }
port() { cat "$C/port"; }

sql() { # node, sql
	mariadb --no-defaults --socket="$(sock "$1")" -uroot -N -B -e "$2"
}

synced() {
	[ "$(sql "$1" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f 2)" = Synced ]
}

wait_synced() { # node, seconds
	wait_until "$2" synced "$1" && return 0
	echo "cluster: node $1 did not join; see $C/db$1/error.log" >&2
	tail -n 20 "$C/db$1/error.log" >&2
	exit 1
}

# The node's arguments, but for its cluster role.
node_args() { # n
	n=$1
	d="$C/db$n"
	P=$(port)
	peers="127.0.0.1:$((P + 11)),127.0.0.1:$((P + 12)),127.0.0.1:$((P + 13))"
	# Row-based replication and interleaved auto-increments, as Galera needs;
	# wsrep_sync_wait=1: a read waits for what the cluster committed before it,
	# so a request on one node sees the session another node just wrote.
	# A tmpdir of its own (as tools/stack.sh's server): a node starting deletes
	# every "#sql" file in its tmpdir, another server's temporary tables too.
	mkdir -p "$d/tmp"
	echo --no-defaults --datadir="$d/data" --socket="$d/db.sock" --tmpdir="$d/tmp" \
		--pid-file="$d/db.pid" --log-error="$d/error.log" $USER_OPT \
		--bind-address=127.0.0.1 --port=$((P + 20 + n)) \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--default-time-zone=+00:00 --innodb-buffer-pool-size=64M --max-connections=300 \
		--thread-handling=pool-of-threads --innodb-flush-log-at-trx-commit=1 \
		--binlog-format=ROW --innodb-autoinc-lock-mode=2 \
		--wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so \
		--wsrep-cluster-name=kabinet --wsrep-cluster-address="gcomm://$peers" \
		--wsrep-node-name="db$n" --wsrep-node-address="127.0.0.1:$((P + 10 + n))" \
		--wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((P + 10 + n));ist.recv_addr=127.0.0.1:$((P + 30 + n));gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S" \
		--wsrep-sst-method=mariabackup --wsrep-sst-auth=root: --wsrep-sst-receive-address="127.0.0.1:$((P + 40 + n))" \
		--wsrep-sync-wait=1 --wsrep-slave-threads=2
}

# A node that was killed does not know where it stopped (grastate.dat's seqno
# is -1): mariadbd --wsrep-recover reads it from InnoDB, as Debian's
# galera_recovery does, so that the node rejoins by an incremental transfer
# from a peer's cache (IST) instead of a full copy.
recovered_position() { # n
	d="$C/db$1"
	grep -q '^seqno: *-1' "$d/data/grastate.dat" 2>/dev/null || return 0
	# shellcheck disable=SC2046
	mariadbd $(node_args "$1") --wsrep-recover --log-error="$d/recover.log" >/dev/null 2>&1 || true
	pos=$(sed -n 's/.*WSREP: Recovered position: *\([^ ]*\).*/\1/p' "$d/recover.log" | tail -n 1)
	[ -n "$pos" ] && echo "--wsrep-start-position=$pos"
}

node_launch() { # n [--wsrep-new-cluster]
	n=$1
	shift
	d="$C/db$n"
	alive "$d/db.pid" && return 0
	start=$(recovered_position "$n")
	# shellcheck disable=SC2046
	setsid mariadbd $(node_args "$n") $start "$@" </dev/null >/dev/null 2>&1 &
}

node_start() { # n [--wsrep-new-cluster]
	node_launch "$@"
	wait_synced "$1" 60
}

# Three nodes from one data directory: the first made, stopped cleanly (its
# grastate.dat names the cluster and the last transaction), then copied, so
# that the others join with the same state and no full transfer is needed.
nodes_make() {
	d="$C/db1"
	mkdir -p "$d"
	mariadb-install-db --no-defaults --datadir="$d/data" --auth-root-authentication-method=socket \
		--skip-test-db $USER_OPT >"$d/install.log" 2>&1 || { cat "$d/install.log" >&2; exit 1; }
	node_start 1 --wsrep-new-cluster
	node_stop 1
	for n in 2 3; do
		mkdir -p "$C/db$n"
		cp -a "$d/data" "$C/db$n/data"
		rm -f "$C/db$n/data/gvwstate.dat"
	done
}

node_kill() {
	d="$C/db$1"
	alive "$d/db.pid" && kill -KILL "$(cat "$d/db.pid")"
	wait_until 10 not_alive "$d/db.pid" || true
	rm -f "$d/db.pid"
}

node_stop() {
	d="$C/db$1"
	if alive "$d/db.pid"; then
		mariadb-admin --no-defaults --socket="$d/db.sock" -uroot shutdown >/dev/null 2>&1 ||
			kill -TERM "$(cat "$d/db.pid")"
		wait_until 60 not_alive "$d/db.pid" || true
	fi
}

# A command for application host a, which prefers node 1, or b, node 2;
# each fails over to the others (stack.sh writes them as [db] failover).
on_host() { # a|b command...
	case "$1" in
	a) STACK_DB_SOCK=$(sock 1) DB_FAILOVER="$(sock 2) $(sock 3)" ;;
	b) STACK_DB_SOCK=$(sock 2) DB_FAILOVER="$(sock 1) $(sock 3)" ;;
	esac
	shift
	export STACK_DB_SOCK DB_FAILOVER
	"$@"
}

host_b_config() {
	mkdir -p "$C/b"
	rm -rf "$C/b/secrets"
	cp -a "$C/a/secrets" "$C/b/secrets"
	sed -e "s|^socket = .*|socket = $(sock 2)|" -e "s|^failover = .*|failover = $(sock 1) $(sock 3)|" \
		-e "s|$C/a/|$C/b/|g" "$C/a/portal.ini" >"$C/b/portal.ini"
}

host_kill() {
	for f in "$C/$1"/run/*.pid; do
		[ -f "$f" ] || continue
		case "$f" in */nginx.pid | */yookassa-emu.pid | */smtp-sink.pid | */sms-gateway.pid) continue ;; esac
		pid=$(cat "$f")
		# The master and its workers, at once, as a machine that dies.  The master is
		# stopped first: between its workers' deaths and its own it would start new
		# ones, which outlived it.
		kill -STOP "$pid" 2>/dev/null || true
		pkill -KILL -P "$pid" 2>/dev/null || true
		kill -KILL "$pid" 2>/dev/null || true
		rm -f "$f"
	done
	rm -f "$C/$1"/sock/*.sock
}

case "$cmd" in
up)
	PORT=${3:?port}
	BUILD=${4:?builddir}
	command -v mariadbd >/dev/null && [ -f /usr/lib/galera/libgalera_smm.so ] ||
		{ echo "cluster: galera-4 and mariadb-server are needed (make deps)" >&2; exit 1; }
	mkdir -p "$C"
	echo "$PORT" >"$C/port"
	[ -d "$C/db1/data/mysql" ] || nodes_make
	# Node 1 starts the cluster: cluster.sh down stops it last, so it has
	# everything the others had (its grastate.dat says safe_to_bootstrap).
	node_start 1 --wsrep-new-cluster
	# The other two join at once: each join waits out Galera's timeouts.
	node_launch 2
	node_launch 3
	wait_synced 2 60
	wait_synced 3 60
	# Host a: the schema and the demo through node 1 (replicated to the others),
	# its programs, nginx with host b's sockets in every upstream, the emulators.
	(on_host a env NO_DELIVER=1 DEMO_RECEIPT_MONTHS=1 SECOND_SOCK="$C/b/sock" \
		"$STACK" up "$C/a" "$PORT" "$BUILD" 2) |
		sed -n '/kabinet is running/,$p'
	host_b_config
	(on_host b "$STACK" programs "$C/b" "$BUILD" 2)
	echo "  cluster:      nodes $(sock 1), $(sock 2), $(sock 3); hosts $C/a and $C/b"
	;;
down)
	[ -d "$C" ] || exit 0
	"$STACK" down "$C/b" >/dev/null 2>&1 || true
	"$STACK" down "$C/a" >/dev/null 2>&1 || true
	# The last to stop is the one to start first next time.
	for n in 3 2 1; do node_stop "$n"; done
	;;
node-kill) node_kill "${3:?node}" ;;
node-start) node_start "${3:?node}" ;;
node-stop) node_stop "${3:?node}" ;;
host-kill) host_kill "${3:?a or b}" ;;
host-start)
	(on_host "${3:?a or b}" "$STACK" programs "$C/$3" "${4:?builddir}" 2)
	;;
synced) synced "${3:?node}" ;;
*)
	echo "usage: cluster.sh up|down|node-kill|node-start|node-stop|host-kill|host-start|synced ENVDIR ..." >&2
	exit 2
	;;
esac
