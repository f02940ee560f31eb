"""Local emulator of the Statuspage REST API v1, for the collection's tests, demo and benchmarks.

It is a test dependency only: nothing under plugins/ may import it.
Start it with ``python3 -m tests.emulator`` from the collection root, or in-process with
``tests.emulator.server.start_in_thread()``; the emulator guide,
docs/docsite/rst/guide_emulator.rst, describes both.
"""
