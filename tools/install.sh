#!/bin/sh
# tools/install.sh: kabinet laid out for a server of its own (`make install`).
#
#   DESTDIR=/tmp/root PREFIX=/usr tools/install.sh
#
# Installs the programs, stylesheets, static files and migrations; a systemd
# socket and service per section program (socket-activated FastCGI, a user of
# its own, a read-only system), a service and a timer per scheduled job, the
# two kept running (deliver, the import queue); the users (sysusers.d), the
# log and secrets directories (tmpfiles.d), logrotate, an example of the
# shared configuration, and an nginx site.  Paths inside the files are the
# installed ones (PREFIX, CONFDIR, ...), DESTDIR only prefixes where they are
# written, as a package build wants.  Nothing existing in CONFDIR or the nginx
# site is overwritten.  The binaries are build/release's (`make build`).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/usr/local}
LIBDIR=${LIBDIR:-$PREFIX/lib/kabinet}
SHARE=${SHARE:-$PREFIX/share/kabinet}
BINDIR=${BINDIR:-$PREFIX/bin}
CONFDIR=${CONFDIR:-/etc/kabinet}
UNITDIR=${UNITDIR:-$PREFIX/lib/systemd/system}
SYSUSERSDIR=${SYSUSERSDIR:-$PREFIX/lib/sysusers.d}
TMPFILESDIR=${TMPFILESDIR:-$PREFIX/lib/tmpfiles.d}
LOGROTATEDIR=${LOGROTATEDIR:-/etc/logrotate.d}
NGINXDIR=${NGINXDIR:-/etc/nginx}
NGINX_LOG=${NGINX_LOG:-/var/log/nginx}
RUNDIR=${RUNDIR:-/run/kabinet}
LOGDIR=${LOGDIR:-/var/log/kabinet}
WEB_GROUP=${WEB_GROUP:-www-data}
WORKERS=${WORKERS:-4}
HOST=${HOST:-localhost}
TLS_CERT=${TLS_CERT:-/etc/ssl/certs/ssl-cert-snakeoil.pem}
TLS_KEY=${TLS_KEY:-/etc/ssl/private/ssl-cert-snakeoil.key}
# The payment provider's pages, the only other place a form may lead (CSP).
PAY_ORIGIN=${PAY_ORIGIN:-https://yoomoney.ru}
BUILD=${BUILD:-$ROOT/build/release}

PROGRAMS="login home accounts services calculator readings payments receipts settings appeals admin exchange api"
JOBS="payjobs receiptjobs deliver remind tidy kabinet-import kabinet-export"

for p in $PROGRAMS $JOBS kabinet-passwd kabinet-migrate; do
	[ -x "$BUILD/$p" ] || { echo "install: $BUILD/$p is missing: run make build" >&2; exit 1; }
done

# A template with every @NAME@ of this installation filled in.
fill() {
	sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@LIBDIR@|$LIBDIR|g" -e "s|@SHARE@|$SHARE|g" \
		-e "s|@CONFDIR@|$CONFDIR|g" -e "s|@RUNDIR@|$RUNDIR|g" -e "s|@LOGDIR@|$LOGDIR|g" \
		-e "s|@WEB_GROUP@|$WEB_GROUP|g" -e "s|@WORKERS@|$WORKERS|g" -e "s|@HOST@|$HOST|g" \
		-e "s|@CERT@|$TLS_CERT|g" -e "s|@KEY@|$TLS_KEY|g" -e "s|@NGINX_LOG@|$NGINX_LOG|g" \
		-e "s|@PAY_ORIGIN@|$PAY_ORIGIN|g" -e "s|@SOCK@|$RUNDIR|g" \
		-e "s|@CONF@|$CONFDIR/nginx|g" -e "s|@XSLT@||g" "$@"
}

# A unit from its template: PROG, ARGS, UNIT, ... as @NAME@s, the hardening in place of @HARDENING@.
SCRIPT=$(mktemp)
trap 'rm -f "$SCRIPT"' EXIT
unit() { # template output name=value...
	tpl=$1 out=$2
	shift 2
	: >"$SCRIPT"
	for kv in "$@"; do
		printf 's|@%s@|%s|g\n' "${kv%%=*}" "${kv#*=}" >>"$SCRIPT"
	done
	fill "$ROOT/dist/systemd/$tpl.in" | sed -f "$SCRIPT" |
		awk -v h="$ROOT/dist/systemd/hardening.in" '
		$0 == "@HARDENING@" { while ((getline l < h) > 0) print l; close(h); next } { print }' \
		>"$DESTDIR$UNITDIR/$out"
	chmod 0644 "$DESTDIR$UNITDIR/$out"
}

install -d "$DESTDIR$LIBDIR" "$DESTDIR$BINDIR" "$DESTDIR$SHARE/xsl" "$DESTDIR$SHARE/www" \
	"$DESTDIR$SHARE/sql" "$DESTDIR$SHARE/nginx" "$DESTDIR$SHARE/docs" "$DESTDIR$CONFDIR/nginx" \
	"$DESTDIR$UNITDIR" "$DESTDIR$SYSUSERSDIR" "$DESTDIR$TMPFILESDIR" "$DESTDIR$LOGROTATEDIR" \
	"$DESTDIR$NGINXDIR/sites-available"
install -d -m 0711 "$DESTDIR$CONFDIR/secrets"

# The programs; the tools an administrator or the billing system runs by name on PATH.
for p in $PROGRAMS $JOBS; do
	install -m 0755 "$BUILD/$p" "$DESTDIR$LIBDIR/$p"
done
install -m 0755 "$BUILD/kabinet-passwd" "$DESTDIR$BINDIR/kabinet-passwd"
# The schema files not yet applied, on an upgrade: kabinet-migrate --dir SHARE/sql
# with an account that may change the schema (its own secrets file).
install -m 0755 "$BUILD/kabinet-migrate" "$DESTDIR$BINDIR/kabinet-migrate"
for p in kabinet-import kabinet-export; do
	ln -sf "$LIBDIR/$p" "$DESTDIR$BINDIR/$p"
done

# What the programs and nginx read.
install -m 0644 "$ROOT"/xsl/*.xsl "$DESTDIR$SHARE/xsl/"
cp -R "$ROOT/www/." "$DESTDIR$SHARE/www/"
find "$DESTDIR$SHARE/www" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
install -m 0644 "$ROOT"/sql/[0-9]*.sql "$DESTDIR$SHARE/sql/"
install -m 0644 "$ROOT/README.md" "$DESTDIR$SHARE/README.md"
install -m 0644 "$ROOT/docs/openapi.json" "$DESTDIR$SHARE/docs/openapi.json"
install -m 0644 "$ROOT/nginx/fastcgi_params" "$ROOT/nginx/provider-addresses.conf" \
	"$DESTDIR$SHARE/nginx/"
fill "$ROOT/nginx/http.conf.in" >"$DESTDIR$SHARE/nginx/http.conf"
fill "$ROOT/nginx/locations.conf.in" | sed -e "s|@ROOT@|$SHARE|g" -e "s|@ENV@/nginx|$CONFDIR/nginx|g" \
	>"$DESTDIR$SHARE/nginx/locations.conf"
chmod 0644 "$DESTDIR$SHARE/nginx/http.conf" "$DESTDIR$SHARE/nginx/locations.conf"

# The site's own files, kept if they exist: the addresses exempt from the
# limits and those allowed to call the webhook besides the provider's (none).
for f in limit-exempt.conf webhook-allow.conf; do
	[ -e "$DESTDIR$CONFDIR/nginx/$f" ] || : >"$DESTDIR$CONFDIR/nginx/$f"
done
[ -e "$DESTDIR$CONFDIR/kabinet.ini" ] ||
	fill "$ROOT/dist/kabinet.ini.in" >"$DESTDIR$CONFDIR/kabinet.ini.example"
site="$DESTDIR$NGINXDIR/sites-available/kabinet.conf"
if [ ! -e "$site" ]; then
	{
		echo "# kabinet over HTTPS (tools/install.sh); enable it with a link in sites-enabled."
		echo "include $SHARE/nginx/http.conf;"
		echo
		fill "$ROOT/nginx/https.conf.in"
	} >"$site"
fi

# A socket and a service per section program.
for p in $PROGRAMS; do
	unit kabinet-page.socket "kabinet-$p.socket" PROG="$p"
	unit kabinet-page.service "kabinet-$p.service" PROG="$p"
done
# The scheduled jobs: unit name, program, arguments, calendar, what it is.
while read -r name prog cal args; do
	[ -n "$name" ] || continue
	persistent=false
	case "$cal" in *-*) persistent=true ;; esac
	args=$(echo "$args" | tr '_' ' ')
	cal=$(echo "$cal" | tr '_' ' ')
	what=$(echo "$prog $args" | sed 's/ *$//')
	unit kabinet-job.service "kabinet-$name.service" PROG="$prog" UNIT="$name" ARGS="$args" \
		WHAT="$what"
	unit kabinet-job.timer "kabinet-$name.timer" PROG="$prog" UNIT="$name" ARGS="$args" \
		WHAT="$what" CALENDAR="$cal" PERSISTENT="$persistent" WHEN="$cal"
done <<JOBS
autopay payjobs *-*-*_06:05:00 autopay
reconcile payjobs *:0/10 reconcile_--older_15
promises payjobs *:0/10 promises
receipt-issue receiptjobs *-*-*_07:00:00 issue
remind remind *:05 
tidy tidy *-*-*_03:30:00 
JOBS
unit kabinet-daemon.service kabinet-deliver.service PROG=deliver ARGS="--every 10" \
	WHAT="deliver --every 10"
unit kabinet-daemon.service kabinet-import.service PROG=kabinet-import ARGS="--queue --every 2" \
	WHAT="kabinet-import --queue --every 2"

# Users: one per program (its own secrets file, its own database account), in one group.
{
	echo "# kabinet's users (tools/install.sh): one per program, so that each reads"
	echo "# only its own secrets file in $CONFDIR/secrets."
	echo "g kabinet -"
	for p in $PROGRAMS $JOBS; do
		echo "u kabinet-$p -:kabinet \"kabinet $p\" - -"
	done
} >"$DESTDIR$SYSUSERSDIR/kabinet.conf"
fill "$ROOT/dist/tmpfiles.conf.in" >"$DESTDIR$TMPFILESDIR/kabinet.conf"
fill "$ROOT/dist/logrotate.in" >"$DESTDIR$LOGROTATEDIR/kabinet"
chmod 0644 "$DESTDIR$SYSUSERSDIR/kabinet.conf" "$DESTDIR$TMPFILESDIR/kabinet.conf" \
	"$DESTDIR$LOGROTATEDIR/kabinet"
echo "install: kabinet in ${DESTDIR:-/}, programs in $LIBDIR, units in $UNITDIR"
