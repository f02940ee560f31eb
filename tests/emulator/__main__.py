"""Command line: ``python3 -m tests.emulator --host 127.0.0.1 --port 0 --port-file FILE``.

It prints one line when it listens, writes the port it got to --port-file (atomically, so a
reader never sees half a number), and stops on SIGTERM, SIGINT or POST /__emulator__/shutdown.
``--variants`` (default: $STATUSPAGE_EMULATOR_VARIANTS) selects the variants of variants.py.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

from . import variants
from .seed import SeedError
from .server import start_in_thread


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 -m tests.emulator",
                                     description="Local emulator of the Statuspage REST API v1.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one (default)")
    parser.add_argument("--port-file", help="write the port to this file once listening")
    parser.add_argument("--seed", help="YAML or JSON seed file; without it, the built-in demo data")
    parser.add_argument("--quiet", action="store_true", help="do not log each request on stderr")
    parser.add_argument("--variants", action="append", metavar="LIST",
                        help="variants to serve: presets and setting=value, comma-separated (may be "
                             f"repeated; default ${variants.ENVIRONMENT_VARIABLE}); see --list-variants")
    parser.add_argument("--list-variants", action="store_true", help="list the variant settings and presets, then exit")
    return parser.parse_args(argv)


def chosen_variants(arguments: argparse.Namespace) -> str:
    """The --variants given, else the environment's (the command line wins, as usual)."""
    if arguments.variants:
        return ",".join(arguments.variants)
    return os.environ.get(variants.ENVIRONMENT_VARIABLE, "")


def write_port_file(path: str, port: int) -> None:
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(f"{port}\n")
    os.replace(temporary, path)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if arguments.list_variants:
        print(variants.describe_all())
        return 0
    try:
        emulator = start_in_thread(arguments.seed, arguments.host, arguments.port, arguments.quiet,
                                   variants=chosen_variants(arguments))
    except SeedError as error:
        print(f"statuspage emulator: bad seed: {error}", file=sys.stderr)
        return 2
    except variants.VariantError as error:
        print(f"statuspage emulator: bad variants: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"statuspage emulator: cannot listen on {arguments.host}:{arguments.port}: {error}", file=sys.stderr)
        return 1

    def stop_on_signal(signum, frame):
        emulator.stop()

    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGINT, stop_on_signal)

    if arguments.port_file:
        write_port_file(arguments.port_file, emulator.port)
    chosen = emulator.app.variants
    shown = "" if not chosen.non_default() else f"; variants {chosen.summary()}"
    print(f"Statuspage emulator listening on {emulator.api_url} (API key {emulator.api_key}{shown})", flush=True)
    # Wake up regularly: the signal handlers run in this thread, between waits
    while not emulator.wait_stopped(0.5):
        pass
    if arguments.port_file:
        try:
            os.remove(arguments.port_file)
        except OSError:
            pass  # removed by someone else already: nothing left to clean
    return 0


if __name__ == "__main__":
    sys.exit(main())
