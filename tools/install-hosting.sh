#!/bin/sh
# tools/install-hosting.sh: what to upload to a shared host (make install-hosting).
#
#   DESTDIR=out tools/install-hosting.sh
#
# DESTDIR gets two directories, to be uploaded side by side into the hosting
# account's home directory:
#
#   kabinet/       outside the web root: the programs (libexec/), the wrappers
#                  cron and a person run (bin/), the stylesheets, the schema
#                  files, the examples of kabinet.ini, secrets.ini and the crontab
#   public_html/   the web root: .htaccess (routes, headers), the static
#                  files, and cgi-bin/ with one small wrapper per section
#                  program, which mod_fcgid runs as FastCGI or Apache as CGI
#
# PUBLIC names the web root's directory if the host calls it otherwise (www,
# htdocs); KABINET the absolute path kabinet/ will have on the host, for the
# examples (the wrappers find it relative to themselves).  WEBHOOK_ALLOW adds
# addresses (or CIDR ranges) allowed to call the payment webhook besides the
# provider's; PAY_ORIGIN is the payment page's origin, for the CSP.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DESTDIR=${DESTDIR:?DESTDIR: where to lay out what is uploaded}
PUBLIC=${PUBLIC:-public_html}
KABINET=${KABINET:-\$HOME/kabinet}
WEBHOOK_ALLOW=${WEBHOOK_ALLOW:-}
PAY_ORIGIN=${PAY_ORIGIN:-https://yoomoney.ru}
BUILD=${BUILD:-$ROOT/build/release}

PROGRAMS="login home accounts services calculator readings payments receipts settings appeals admin exchange api"
JOBS="payjobs receiptjobs deliver remind tidy kabinet-import kabinet-export"
TOOLS="kabinet-migrate kabinet-passwd"

for p in $PROGRAMS $JOBS $TOOLS; do
	[ -x "$BUILD/$p" ] || { echo "install-hosting: $BUILD/$p is missing: run make build" >&2; exit 1; }
done
case "$PUBLIC" in */* | .*) echo "install-hosting: PUBLIC is a directory's name" >&2; exit 1 ;; esac

K="$DESTDIR/kabinet"
W="$DESTDIR/$PUBLIC"
install -d "$K/libexec" "$K/bin" "$K/xsl" "$K/sql" "$W/cgi-bin" "$W/api/v1"

# A wrapper: the program with its configuration; up is the way from the
# wrapper's directory to kabinet/, args its arguments.  A page's wrapper
# passes none on: Apache makes a query without "=" CGI's command line.
wrapper() { # file program up args
	sed -e "s|@PROG@|$2|g" -e "s|@TO_KABINET@|$3|g" -e "s|@ARGS@|$4|g" \
		"$ROOT/dist/hosting/wrapper.in" >"$1"
	chmod 0755 "$1"
}

for p in $PROGRAMS $JOBS $TOOLS; do
	install -m 0755 "$BUILD/$p" "$K/libexec/$p"
done
# A section program serves in the one process mod_fcgid started (mod_fcgid
# starts more processes itself and never sends a process two requests at once).
for p in $PROGRAMS; do
	wrapper "$W/cgi-bin/$p.fcgi" "$p" "../../kabinet" "--workers 0"
done
for p in $JOBS kabinet-passwd; do
	wrapper "$K/bin/$p" "$p" ".." '"$@"'
done
wrapper "$K/bin/kabinet-migrate" kabinet-migrate ".." '--dir "$here/../sql" "$@"'

install -m 0644 "$ROOT"/xsl/*.xsl "$K/xsl/"
install -m 0644 "$ROOT"/sql/[0-9]*.sql "$K/sql/"
install -m 0644 "$ROOT/README.md" "$K/README.md"
for f in kabinet.ini secrets.ini crontab; do
	sed -e "s|@KABINET@|$KABINET|g" "$ROOT/dist/hosting/$f.in" >"$K/$f.example"
	chmod 0644 "$K/$f.example"
done

# The web root.  Its .htaccess allows the webhook from the provider and from WEBHOOK_ALLOW.
cp -R "$ROOT/www/." "$W/"
install -m 0644 "$ROOT/docs/openapi.json" "$W/api/v1/openapi.json"
allow=""
for a in $WEBHOOK_ALLOW; do
	case "$a" in *[!0-9a-fA-F.:/]*) echo "install-hosting: bad WEBHOOK_ALLOW $a" >&2; exit 1 ;; esac
	allow="$allow || -R '$a'"
done
sed -e "s#@PAY_ORIGIN@#$PAY_ORIGIN#g" -e "s#@WEBHOOK_ALLOW@#$allow#g" \
	"$ROOT/dist/hosting/htaccess.in" >"$W/.htaccess"
install -m 0644 "$ROOT/dist/hosting/cgi-bin.htaccess" "$W/cgi-bin/.htaccess"
find "$W" -type d -exec chmod 0755 {} + -o -type f ! -name '*.fcgi' -exec chmod 0644 {} +
echo "install-hosting: upload $K and $W into the hosting account's home directory"
