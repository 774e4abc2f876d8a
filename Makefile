# Lifeboat build.
#
#   make            library, CLI, unit tests and corpus replayers in build/
#   make SAN=1      the same with ASan + UBSan, in build-san/
#   make test       build, then run every test (tests/run); SAN=1 works too
#   make fuzz       libFuzzer targets with clang, in build-fuzz/
#   make bench      benchmark programs (see bench/README.md)
#   make check-src  refuse banned functions (scripts/check-src)
#
# Every library module is src/lib/NAME.c + NAME.h; the CLI is src/cli/*.c;
# tests/unit/test_NAME.c becomes one cmocka binary; fuzz/fuzz_NAME.c one
# fuzz target, also linked with fuzz/replay.c to replay its corpus in tests.

CC	?= cc
SAN	?= 0
PKGS	 = sqlite3 libsodium pangocairo cairo-pdf libmicrohttpd

ifeq ($(SAN),1)
B	 = build-san
OPT	 = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDSAN	 = -fsanitize=address,undefined
else
B	 = build
OPT	 = -O2 -g -D_FORTIFY_SOURCE=2
LDSAN	 =
endif

WARN	 = -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -Wvla -Wno-unused-parameter
HARDEN	 = -fstack-protector-strong -fPIE -fcf-protection
CFLAGS	+= -pthread -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) $(HARDEN) \
	   $(shell pkg-config --cflags $(PKGS)) -Isrc/lib
LDFLAGS	+= -pie -Wl,-z,relro,-z,now $(LDSAN)
LDLIBS	 = $(shell pkg-config --libs $(PKGS)) -lm -pthread

LIB_SRC	 = $(wildcard src/lib/*.c)
CLI_SRC	 = $(wildcard src/cli/*.c)
TEST_SRC = $(wildcard tests/unit/test_*.c)
FUZZ_SRC = $(wildcard fuzz/fuzz_*.c)

LIB_OBJ	 = $(LIB_SRC:src/lib/%.c=$(B)/obj/lib/%.o)
CLI_OBJ	 = $(CLI_SRC:src/cli/%.c=$(B)/obj/cli/%.o)
TESTS	 = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
REPLAYS	 = $(FUZZ_SRC:fuzz/fuzz_%.c=$(B)/fuzz/replay_%)

all: $(B)/lifeboat $(TESTS) $(REPLAYS)

# The port table (data/ports.tsv) is compiled in: scripts/gen-ports turns it
# into an initializer that src/lib/port.c includes from DIR/gen/.
%/gen/ports.inc: data/ports.tsv scripts/gen-ports
	@mkdir -p $(@D)
	@echo "GEN $@"
	@scripts/gen-ports < data/ports.tsv > $@.tmp && mv $@.tmp $@

$(B)/obj/lib/port.o: $(B)/gen/ports.inc
$(B)/obj/lib/port.o: CFLAGS += -I$(B)/gen

$(B)/obj/lib/%.o: src/lib/%.c $(wildcard src/lib/*.h src/lib/*.inc)
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

$(B)/obj/cli/%.o: src/cli/%.c $(wildcard src/lib/*.h src/cli/*.h)
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -Isrc/cli -c -o $@ $<

# The web pages' style sheet, embedded as a C string (web_ui.c).
$(B)/gen/web_style.inc: src/cli/web_style.css
	@mkdir -p $(@D)
	@echo "GEN $@"
	@sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< >$@.tmp && mv $@.tmp $@
$(B)/obj/cli/web_ui.o: $(B)/gen/web_style.inc
$(B)/obj/cli/web_ui.o: CFLAGS += -I$(B)/gen

$(B)/liblifeboat.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(B)/lifeboat: $(CLI_OBJ) $(B)/liblifeboat.a
	@echo "LD $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tests/%: tests/unit/%.c $(B)/liblifeboat.a $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -Wno-missing-prototypes -Itests/unit $(LDFLAGS) -o $@ $< $(B)/liblifeboat.a $(LDLIBS) -lcmocka

$(B)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c $(B)/liblifeboat.a
	@mkdir -p $(@D)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< fuzz/replay.c $(B)/liblifeboat.a $(LDLIBS)

test: all
	B=$(B) tests/run

# libFuzzer builds: clang, coverage-guided, with ASan + UBSan.
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
	-fsanitize=fuzzer,address,undefined -Isrc/lib $(shell pkg-config --cflags $(PKGS))
fuzz: $(FUZZ_SRC:fuzz/fuzz_%.c=build-fuzz/fuzz_%)

build-fuzz/fuzz_%: fuzz/fuzz_%.c $(LIB_SRC) $(wildcard src/lib/*.h) build-fuzz/gen/ports.inc
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -Ibuild-fuzz/gen -o $@ $< $(LIB_SRC) $(LDLIBS)

BENCH_SRC = $(wildcard bench/bench_*.c)
bench: all $(BENCH_SRC:bench/%.c=$(B)/bench/%)

$(B)/bench/%: bench/%.c $(B)/liblifeboat.a
	@mkdir -p $(@D)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< $(B)/liblifeboat.a $(LDLIBS)

check-src:
	scripts/check-src

clean:
	rm -rf build build-san build-fuzz

.PHONY: all test fuzz bench check-src clean
.SECONDARY:
