"""`python -m generator generate [--output DIR]` | `python -m generator check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.build import OUTPUT, SPEC, GenerationError, check, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--spec", type=Path, default=SPEC, help="the OpenAPI document (default: openapi.yaml)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="rebuild the client package from the spec")
    gen.add_argument("--output", type=Path, default=OUTPUT)
    chk = commands.add_parser("check", help="fail with a diff if the committed package is out of date")
    chk.add_argument("--committed", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    try:
        if args.command == "generate":
            generate(args.output, args.spec)
            print(f"generated {args.output}")
            return 0
        diff = check(args.committed, args.spec)
    except GenerationError as error:
        print(error, file=sys.stderr)
        return 1
    if diff:
        sys.stdout.write(diff)
        print(
            f"\n{args.committed} differs from what `make generate` produces; run it and commit.",
            file=sys.stderr,
        )
        return 1
    print(f"{args.committed} is up to date with {args.spec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
