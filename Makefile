# kabinet: a subscriber self-service portal.  See README.md.
#
#   make run     install what is missing, build, start MariaDB + programs + nginx
#   make run SERVER=apache   the same as a shared host serves it (Apache, mod_fcgid)
#   make cluster  three Galera nodes, two application hosts, one nginx (make cluster-stop)
#   make stop    stop what make run (or an interrupted make test) started
#   make test    the same stack on other ports, then every test; exit = result
#   make bench   wrk figures against the running release stack
#   make fuzz    the parser fuzz targets, for longer than make test runs them
#   make demo-data N=1000000   grow the running stack's generated accounts to N

PORT       ?= 8080
TEST_PORT  ?= 18080
BENCH_PORT ?= 18180
FUZZ_SECONDS ?= 300
WORKERS    ?= 4
# Compilers run at once while `make test` builds (the machine has 2 cores).
PARALLEL   ?= $(shell nproc 2>/dev/null || echo 2)

# Every Debian package the project needs, and the only place they are named.
DEBIAN_PACKAGES = \
	build-essential pkg-config clang libclang-rt-14-dev \
	libmariadb-dev libfcgi-dev libxml2-dev libxslt1-dev libsodium-dev libinih-dev \
	libcurl4-openssl-dev libjansson-dev libcsv-dev libcmocka-dev mariadb-server mariadb-client \
	libcairo2-dev libpango1.0-dev libqrencode-dev libxlsxwriter-dev liboath-dev oathtool \
	libzxcvbn-dev libunistring-dev libseccomp-dev libmagic-dev \
	fonts-dejavu-core \
	poppler-utils zbar-tools \
	python3-aiosmtpd \
	nginx-light libnginx-mod-http-xslt-filter \
	python3 python3-pytest python3-requests python3-lxml python3-selenium python3-argon2 \
	python3-pymysql \
	python3-jsonschema \
	chromium chromium-driver valgrind gdb wrk curl strace openjdk-17-jre-headless \
	systemd openssl mariadb-backup apache2 libapache2-mod-fcgid debhelper galera-4
# make bench's alone: issue 22's PHP peer of the dashboard (tests/bench/php/).
BENCH_PACKAGES = php8.2-fpm php8.2-xml php8.2-mysql

PROGRAMS = login home accounts services calculator readings payments receipts settings appeals admin exchange api
JOBS = payjobs receiptjobs deliver remind tidy kabinet-import kabinet-export

VARIANT ?= release
B = build/$(VARIANT)

PKG_LIBS = libmariadb libxml-2.0 libxslt libexslt libsodium inih libcurl jansson \
	cairo-pdf pangocairo fontconfig libqrencode xlsxwriter liboath libseccomp
PKG_CFLAGS = $(shell pkg-config --cflags $(PKG_LIBS) 2>/dev/null)
PKG_LDLIBS = $(shell pkg-config --libs $(PKG_LIBS) 2>/dev/null) -lfcgi -lcsv -lzxcvbn -lunistring -lmagic

WARN = -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes -Wwrite-strings \
	-Wshadow -Wformat=2 -Wno-format-nonliteral
CFLAGS_release = -O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong
CFLAGS_asan = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
LDFLAGS_release = -Wl,-z,relro,-z,now
LDFLAGS_asan = -fsanitize=address,undefined

CFLAGS = -std=c11 -D_DEFAULT_SOURCE -Icgi-bin -ffunction-sections -fdata-sections $(WARN) $(CFLAGS_$(VARIANT)) $(PKG_CFLAGS)
LDFLAGS = $(LDFLAGS_$(VARIANT))

LAYERS = core billing db doc net app web
LIB_SRC = $(sort $(foreach l,$(LAYERS),$(wildcard cgi-bin/$(l)/*.c)))
LIB_OBJ = $(patsubst cgi-bin/%.c,$(B)/obj/%.o,$(LIB_SRC))
# A section too big for one file keeps its pages in a directory of its own
# (cgi-bin/admin/), linked into its program alone.
HEADERS = $(foreach l,$(LAYERS) $(PROGRAMS),$(wildcard cgi-bin/$(l)/*.h))
section_objs = $(patsubst cgi-bin/%.c,$(B)/obj/%.o,$(wildcard cgi-bin/$(1)/*.c))
BINS = $(addprefix $(B)/,$(PROGRAMS) $(JOBS)) $(B)/kabinet-passwd $(B)/kabinet-gen \
	$(B)/kabinet-demo-bill $(B)/kabinet-migrate

UNIT_TESTS = $(patsubst tests/unit/%.c,build/asan/tests/%,$(wildcard tests/unit/test_*.c))
# cmocka tests that need the test stack's database (run once it is up)
DB_TESTS = $(patsubst tests/db/%.c,build/asan/tests/db/%,$(wildcard tests/db/test_*.c))
FUZZERS = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

STACK = tools/stack.sh

include cgi-bin/manifest.mk

# Keep objects between builds (they are intermediate to the pattern rules).
.SECONDARY:

.PHONY: all build install install-hosting cluster cluster-stop programs deps run reset stop demo-data test unit fuzz-smoke fuzz bench clean format \
	check-layers

all: build

deps:
	@tools/deps.sh $(DEBIAN_PACKAGES)

# The page checks' tools from npm: axe-core (WCAG rules, injected into
# Chromium) and vnu-jar (the Nu HTML Checker, run with the JRE).  Pinned by
# tests/a11y/package-lock.json; npm from Debian where Node.js has none.
A11Y_TOOLS = tests/a11y/node_modules/.installed
$(A11Y_TOOLS): tests/a11y/package.json tests/a11y/package-lock.json
	@command -v npm >/dev/null || tools/deps.sh nodejs npm
	cd tests/a11y && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

build: deps
	@$(MAKE) --no-print-directory VARIANT=release programs

programs: $(BINS)

$(B)/obj/%.o: cgi-bin/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fvisibility=hidden -c $< -o $@

$(B)/obj/tools/%.o: tools/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/libportal.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# A program: its own objects (its file and its directory's) and the modules its
# manifest lists (cgi-bin/manifest.mk).
# --gc-sections drops the functions and statements it never calls, and
# --as-needed the libraries it never calls into.
define program_rule
$(B)/$(1): $(B)/obj/$(2).o $(call section_objs,$(2)) $(addprefix $(B)/obj/,$(addsuffix .o,$(MODS_$(subst -,_,$(1)))))
	$$(CC) $$(LDFLAGS) -Wl,--gc-sections -Wl,--as-needed -o $$@ $$^ $$(PKG_LDLIBS)
endef
$(foreach p,$(PROGRAMS) $(JOBS),$(eval $(call program_rule,$(p),$(p))))
$(foreach p,kabinet-passwd kabinet-gen kabinet-demo-bill kabinet-migrate,$(eval $(call program_rule,$(p),tools/$(p))))

# ------------------------------------------------------------------ installing

# A server of its own (tools/install.sh says what goes where): the programs,
# stylesheets and static files, systemd units, timers, an nginx site and
# logrotate.  DESTDIR for a package build; tests/http/test_install.py checks it.
PREFIX ?= /usr/local
install: build
	@DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" tools/install.sh

# Shared hosting (tools/install-hosting.sh says what goes where): kabinet/
# and public_html/ in DESTDIR, to be uploaded into the account's home.
install-hosting: build
	@DESTDIR="$(DESTDIR)" tools/install-hosting.sh

# ------------------------------------------------------------------ the stack

# SERVER=apache: the site as a shared host serves it (Apache with mod_fcgid,
# one database account), on PORT, with the MariaDB of var/run (started here
# with the nginx stack, which keeps PORT + 10); MODE=cgi for plain CGI.
SERVER ?= nginx
MODE ?= fcgid
run: build
ifeq ($(SERVER),apache)
	@$(STACK) up var/run $$(($(PORT) + 10)) build/release $(WORKERS) >/dev/null
	@$(STACK) hosting-up var/run-apache $(PORT) build/release var/run $(MODE)
else
	@$(STACK) up var/run $(PORT) build/release $(WORKERS)
endif

N ?= 1000
ENV ?= var/run
demo-data: build
	@$(STACK) gen $(ENV) $(N) build/release

# Everything `make run` keeps (the database with what was done in it) goes;
# the next `make run` starts from the demo data again.
reset:
	@$(STACK) down var/run
	@rm -rf var/run
	@echo "var/run removed: make run starts afresh"

# A MariaDB Galera cluster of three nodes and two application hosts behind
# one nginx on PORT, all on loopback (tools/cluster.sh; docs/scaling.md).
cluster: build
	@tools/cluster.sh up var/cluster $(PORT) build/release

cluster-stop:
	@tools/cluster.sh down var/cluster

stop:
	@tools/cluster.sh down var/cluster
	@tools/cluster.sh down var/test-cluster
	@$(STACK) hosting-down var/run-apache
	@$(STACK) hosting-down var/test-hosting
	@$(STACK) down var/run
	@$(STACK) down var/test
	@$(STACK) down var/bench
	@$(STACK) down var/bench-1m

# ------------------------------------------------------------------ tests

build/asan/tests/%: tests/unit/%.c build/asan/libportal.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Icgi-bin -o $@ $< build/asan/libportal.a $(PKG_LDLIBS) -lcmocka

build/asan/tests/db/%: tests/db/%.c build/asan/libportal.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Icgi-bin -o $@ $< build/asan/libportal.a $(PKG_LDLIBS) -lcmocka

# The library is compiled for the fuzzers once (coverage without libFuzzer's
# main) and linked into each: compiling it again per fuzzer was six builds.
FUZZ_OBJ = $(patsubst cgi-bin/%.c,build/fuzz/obj/%.o,$(LIB_SRC))
FUZZ_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -g -O1 $(PKG_CFLAGS) -Icgi-bin
build/fuzz/obj/%.o: cgi-bin/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

build/fuzz/%: tests/fuzz/%.c $(FUZZ_OBJ) $(HEADERS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_OBJ) $(PKG_LDLIBS)

unit: deps
	@$(MAKE) --no-print-directory VARIANT=asan build/asan/libportal.a $(UNIT_TESTS)
	@set -e; for t in $(UNIT_TESTS); do echo "== $$t"; $$t; done

# 3 s a target: make test must stay under 25 minutes on two cores; make fuzz
# runs each for FUZZ_SECONDS.
FUZZ_SMOKE_SECONDS ?= 3
fuzz-smoke: deps $(FUZZERS)
	@set -e; for f in $(FUZZERS); do n=$$(basename $$f); mkdir -p var/fuzz/$$n; \
		echo "== $$n ($(FUZZ_SMOKE_SECONDS) s)"; $$f -max_total_time=$(FUZZ_SMOKE_SECONDS) \
		-print_final_stats=1 \
		-dict=tests/fuzz/$$n.dict var/fuzz/$$n tests/fuzz/corpus/$$n 2>&1 | tail -n 3; done

fuzz: deps $(FUZZERS)
	@set -e; for f in $(FUZZERS); do n=$$(basename $$f); mkdir -p var/fuzz/$$n; \
		$$f -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/$$n.dict \
		var/fuzz/$$n tests/fuzz/corpus/$$n; done

# The HTTP and browser tests run against the ASan/UBSan build; the valgrind
# test uses the release build (valgrind and ASan do not mix).
test: deps $(A11Y_TOOLS)
	@$(MAKE) --no-print-directory -j$(PARALLEL) VARIANT=release programs
	@$(MAKE) --no-print-directory check-layers
	@$(MAKE) --no-print-directory -j$(PARALLEL) VARIANT=asan programs build/asan/libportal.a \
		$(UNIT_TESTS) $(DB_TESTS) $(FUZZERS)
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory fuzz-smoke
	@$(STACK) down var/test
	@rm -rf var/test  # every run starts from the demo data, whatever the last one left
	@NO_DELIVER=1 PASSWORD_COST="7168 5" EMU_OPTS="--retry-base 0.3 --delay 2" \
		$(STACK) up var/test $(TEST_PORT) build/asan 2
	@$(STACK) gen var/test 2000 build/release
	@status=0; \
	for t in $(DB_TESTS); do echo "== $$t"; \
		KABINET_DB_SOCKET=var/test/run/db.sock $$t || status=1; done; \
	KABINET_ENV=var/test KABINET_URL=http://127.0.0.1:$(TEST_PORT) \
	KABINET_RELEASE=build/release \
		/usr/bin/python3 -m pytest -q -p no:cacheprovider --durations=25 tests/http tests/browser \
		|| status=$$?; \
	$(STACK) hosting-down var/test-hosting; \
	tools/cluster.sh down var/test-cluster; \
	$(STACK) down var/test; \
	tools/sanitizer-check.sh var/test/log || status=1; \
	exit $$status

# Two databases: 1,000 generated accounts, made afresh each run (the webhook
# bench adds 20,000 payments and their e-mails, which would slow the next
# run's pages), then 1,000,000 (made once, over an hour with the last
# month's receipts issued, and kept in var/bench-1m; only pages are read
# there, and the bench's subscribers added once).  The delivery program stays
# off: it is not what is measured, and it would take CPU from what is.
BENCH_ACCOUNTS ?= 1000000
build/release/bench_tariff: tests/bench/bench_tariff.c build/release/libportal.a $(HEADERS)
	$(CC) $(CFLAGS_release) -std=c11 -D_DEFAULT_SOURCE $(WARN) $(PKG_CFLAGS) -Icgi-bin -o $@ $< \
		build/release/libportal.a $(PKG_LDLIBS)

# One page's transform and writing in a loop (issue 22): bench.py runs it over each
# signed-in page's XML; under callgrind it counts instructions.
build/release/bench_render: tests/bench/bench_render.c build/release/libportal.a $(HEADERS)
	$(CC) $(CFLAGS_release) -std=c11 -D_DEFAULT_SOURCE $(WARN) $(PKG_CFLAGS) -Icgi-bin -o $@ $< \
		build/release/libportal.a $(PKG_LDLIBS)

bench: build
	@tools/deps.sh $(BENCH_PACKAGES)
	@$(MAKE) --no-print-directory VARIANT=release build/release/bench_tariff build/release/bench_render
	@build/release/bench_tariff
	@$(STACK) down var/bench >/dev/null && rm -rf var/bench
	@NO_DELIVER=1 DB_POOL=2G $(STACK) up var/bench $(BENCH_PORT) build/release $(WORKERS)
	@$(STACK) gen var/bench 1000 build/release
	@status=0; KABINET_ENV=var/bench KABINET_URL=http://127.0.0.1:$(BENCH_PORT) \
		BENCH_WORKERS=$(WORKERS) /usr/bin/python3 tests/bench/bench.py --save var/bench/billing.json || status=$$?; \
	KABINET_ENV=var/bench /usr/bin/python3 tests/bench/bench_exchange.py || status=$$?; \
	$(STACK) down var/bench; exit $$status
	@$(STACK) gen var/bench-1m $(BENCH_ACCOUNTS) build/release
	@NO_DELIVER=1 $(STACK) up var/bench-1m $(BENCH_PORT) build/release $(WORKERS)
	@status=0; KABINET_ENV=var/bench-1m KABINET_URL=http://127.0.0.1:$(BENCH_PORT) \
		/usr/bin/python3 tests/bench/bench.py --compare var/bench/billing.json \
		|| status=$$?; \
	$(STACK) down var/bench-1m; exit $$status

# The architecture's rules (docs/architecture.md): includes point down, SQL
# only in db/, short headers, exact manifests, and no payment, mail or PDF
# code in home.  Needs the release build.
check-layers:
	@/usr/bin/python3 tools/check-layers.py build/release

format:
	clang-format -i cgi-bin/*.c $(foreach l,$(LAYERS),cgi-bin/$(l)/*.[ch]) $(wildcard $(addprefix cgi-bin/,$(addsuffix /*.[ch],$(PROGRAMS)))) \
		tools/*.c tests/unit/*.c tests/fuzz/*.c

clean:
	rm -rf build
