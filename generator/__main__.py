"""`python -m generator generate [--output DIR]` | `check` | `api-check [--write-changelog]` | `release`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import releases
from generator.build import CHANGELOG, OUTPUT, SPEC, GenerationError, check, generate


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
    api = commands.add_parser(
        "api-check",
        help="compare the package and the spec with the last release (generator/releases/); fail on a "
        "breaking change without a major version bump, a version that went down or no changelog entry",
    )
    api.add_argument("--package", type=Path, default=OUTPUT, help="the generated client folder")
    api.add_argument(
        "--write-changelog", action="store_true", help="write the changes into the version's changelog entry"
    )
    rel = commands.add_parser("release", help="snapshot the package's API and the spec as this version")
    rel.add_argument("--package", type=Path, default=OUTPUT, help="the generated client folder")
    args = parser.parse_args(argv)
    if args.command in ("api-check", "release"):
        return _release_command(args)
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


def _release_command(args: argparse.Namespace) -> int:
    try:
        if args.command == "release":
            version = releases.current_version()
            release = releases.write_release(version, project=args.package, spec_path=args.spec)
            print(f"release {release.version} written to {release.folder}")
            return 0
        report = releases.check(project=args.package, spec_path=args.spec)
        sys.stdout.write(releases.summary(report))
        if args.write_changelog and releases.write_changelog(report):
            print(f"{CHANGELOG} updated; run `make generate` to copy it into the package")
    except releases.ReleaseError as error:
        print(error, file=sys.stderr)
        return 1
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
