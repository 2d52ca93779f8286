#!/bin/sh
# tests/fuzz.sh — the long randomised run (make fuzz): thousands of mutated inputs per command.
# Not part of make test. FUZZ_N sets the count (default 2000).
BUILD=${BUILD:-build} ROBUST_N=${FUZZ_N:-2000} ROBUST_TIMEOUT=60 exec sh tests/cli/robust.sh
