"""Where a command's plan comes from: a plan file (``PLAN``) or a built-in sample (``--sample``)."""

from __future__ import annotations

import argparse

from ..domain.plan import Plan
from . import CommandError


def add_plan_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", nargs="?", metavar="PLAN", help="a .specplan file")
    parser.add_argument("--sample", metavar="NAME", help="a built-in sample plan instead (see 'samples')")


def load_plan_source(args: argparse.Namespace) -> Plan:
    """The plan named by ``PLAN`` or ``--sample``; exactly one must be given."""
    if (args.plan is None) == (args.sample is None):
        raise CommandError("give a plan file or --sample NAME (one of them)")
    if args.sample is not None:
        from ..domain.samples import build_sample, sample_names

        if args.sample not in sample_names():
            raise CommandError(f"unknown sample {args.sample!r}; samples: {', '.join(sample_names())}")
        return build_sample(args.sample)
    from ..store import open_plan

    return open_plan(args.plan, read_only=True)
