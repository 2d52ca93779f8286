# tiao — build, test, sanitize, benchmark, install.
#
#   make            build/libtiao.a, build/libtiao.so, build/tiao
#   make test       every test (unit, spec, CLI, corpus), closing with "N passed, N failed"
#   make asan       the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench      benchmarks (docs/PERFORMANCE.md)
#   make fuzz       long randomised runs (not part of make test)
#   make install PREFIX=/usr/local [DESTDIR=…]; make uninstall

CC       ?= cc
BUILD    ?= build
PREFIX   ?= /usr/local
SAN      ?=
PKGS     := icu-uc icu-i18n libxml-2.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS := -std=c11 $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc $(PKG_CFLAGS) -fPIC
ifeq ($(SAN),1)
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DTIAO_DEBUG_ARENA
LDSAN    := -fsanitize=address,undefined
endif
LDLIBS   := $(PKG_LIBS) -lm

LIB_SRC  := $(sort $(wildcard src/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
SOVER    := 0

.PHONY: all test unit asan bench fuzz clean install uninstall check-header
all: $(BUILD)/libtiao.a $(BUILD)/libtiao.so $(BUILD)/tiao

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) include/tiao.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj/cli/%.o: src/cli/%.c $(wildcard src/cli/*.h) include/tiao.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc/cli -c $< -o $@

$(BUILD)/libtiao.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libtiao.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libtiao.so.$(SOVER) $(LDSAN) -o $@ $^ $(LDLIBS)

$(BUILD)/tiao: $(CLI_OBJ) $(BUILD)/libtiao.a
	$(CC) $(LDSAN) -o $@ $(CLI_OBJ) $(BUILD)/libtiao.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libtiao.a tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libtiao.a $(LDSAN) $(LDLIBS) -lcmocka

unit: $(UNIT_BIN)

# The whole suite; tests/run.sh prints the closing "N passed, N failed" line.
test: all unit check-header
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	$(MAKE) BUILD=build/asan SAN=1 OPT=-O1 test

check-header:
	$(CC) -std=c11 -pedantic -Wall -Wextra -Werror -Iinclude -fsyntax-only -x c include/tiao.h

bench: all
	@BUILD=$(BUILD) sh bench/run.sh

fuzz: all
	@BUILD=$(BUILD) sh tests/fuzz.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/tiao $(DESTDIR)$(PREFIX)/bin/tiao
	install -m 644 $(BUILD)/libtiao.a $(DESTDIR)$(PREFIX)/lib/libtiao.a
	install -m 755 $(BUILD)/libtiao.so $(DESTDIR)$(PREFIX)/lib/libtiao.so.$(SOVER)
	ln -sf libtiao.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libtiao.so
	install -m 644 include/tiao.h $(DESTDIR)$(PREFIX)/include/tiao.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|0.1.0|g' tiao.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/tiao.pc
	[ ! -f docs/tiao.1 ] || install -m 644 docs/tiao.1 $(DESTDIR)$(PREFIX)/share/man/man1/tiao.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tiao $(DESTDIR)$(PREFIX)/lib/libtiao.a \
		$(DESTDIR)$(PREFIX)/lib/libtiao.so $(DESTDIR)$(PREFIX)/lib/libtiao.so.$(SOVER) \
		$(DESTDIR)$(PREFIX)/include/tiao.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/tiao.pc \
		$(DESTDIR)$(PREFIX)/share/man/man1/tiao.1

clean:
	rm -rf build
