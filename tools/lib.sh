# tools/lib.sh: what tools/stack.sh and tools/cluster.sh both need, sourced by them.

# A process that has exited but not been reaped (a zombie: its parent is gone
# and this machine's init reaps late) answers kill -0: it is not alive.
zombie() { [ "$(cut -d ' ' -f 3 "/proc/$1/stat" 2>/dev/null)" = Z ]; }
running() { kill -0 "$1" 2>/dev/null && ! zombie "$1"; }
alive() { [ -f "$1" ] && running "$(cat "$1")"; } # pidfile

# Run command every tenth of a second until it succeeds (0), or seconds pass (1).
wait_until() { # seconds, command...
	_tries=$(($1 * 10))
	shift
	until "$@" >/dev/null 2>&1; do
		_tries=$((_tries - 1))
		[ "$_tries" -gt 0 ] || return 1
		sleep 0.1
	done
}
