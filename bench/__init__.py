"""Benchmarks with recorded results; not part of the test run. See bench/README.md."""
