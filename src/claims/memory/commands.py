"""``claims memory …`` and ``claims export claimreview``: thin commands over the memory package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from claims.errors import ClaimsError

STATUS_WORDS = {"confirmed": "bestätigt", "corrected": "korrigiert", "wrong": "falsch"}


def _config(path: Path | None) -> Any:
    from claims.config import resolve

    ctx = click.get_current_context()
    return resolve(path or Path.cwd(), config_file=ctx.find_root().params.get("config_file"))


def _store(ctx: click.Context, config: Any, *, create: bool) -> Any:
    from claims.memory.location import locate, store_at

    given = ctx.find_object(dict).get("memory") if ctx.find_object(dict) else None
    store = store_at(given, create=create) if given else locate(config).store(create=create)
    return store.open()


@click.group("memory")
@click.option("--memory", "location", metavar="PATH|URL",
              help="The memory to use (default: CLAIMS_MEMORY, else `memory` in claims.toml, else "
                   "~/.local/share/claims/memory.sqlite).")
@click.pass_context
def memory(ctx: click.Context, location: str | None) -> None:
    """The verification memory: what the desk verified before (see docs/memory.md)."""
    ctx.ensure_object(dict)["memory"] = location


@memory.command("add")
@click.argument("checklists", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def add(ctx: click.Context, checklists: tuple[Path, ...]) -> None:
    """Record the closed rows (bestätigt, korrigiert, falsch) of CHECKLISTS in the memory."""
    from claims.memory.record import verifications

    total = 0
    for checklist in checklists:
        config = _config(checklist.parent)
        rows = verifications(checklist, config.vocabulary())
        with _store(ctx, config, create=True) as store:
            total += store.record(rows)
            where = store.where
        click.echo(f"recorded {len(rows)} verifications from {checklist} in {where}")
    if len(checklists) > 1:
        click.echo(f"{total} verifications in all")


def _line(v: Any) -> str:
    from claims.report.safe import terminal

    who = f" {v.checked_by}" if v.checked_by else ""
    return terminal(f"{v.id}  {STATUS_WORDS.get(v.status, v.status):<10} {v.verified_on}{who}  "
                    f"{v.kind}: {v.claim_text}  ({v.article})")


@memory.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="At most this many, the newest first.")
@click.option("--json", "as_json", is_flag=True, help="The verifications as JSON.")
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, as_json: bool) -> None:
    """Verifications whose claim, sentence, value or article holds TEXT (any case). Exit 1: none."""
    with _store(ctx, _config(None), create=False) as store:
        found = store.search(text, limit)
    if as_json:
        click.echo(json.dumps([v.model_dump(exclude={"search_text"}) for v in found], ensure_ascii=False, indent=1))
    else:
        for v in found:
            click.echo(_line(v))
    if not found:
        if not as_json:
            click.echo(f"nothing in the memory holds {text!r}", err=True)
        ctx.exit(1)


@memory.command("show")
@click.argument("verification_id")
@click.option("--json", "as_json", is_flag=True, help="The verification as JSON.")
@click.pass_context
def show(ctx: click.Context, verification_id: str, as_json: bool) -> None:
    """Everything the memory holds about one verification."""
    from claims.report.safe import terminal

    with _store(ctx, _config(None), create=False) as store:
        found = store.get(verification_id)
        where = store.where
    if found is None:
        raise ClaimsError(f"no verification {verification_id!r} in the memory", where)
    data = found.model_dump(exclude={"search_text", "fact_key", "subject_key", "context"})
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    for key, value in data.items():
        if value not in (None, ""):
            click.echo(terminal(f"{key + ':':<15} {value}"))


@memory.command("forget")
@click.argument("verification_id")
@click.pass_context
def forget(ctx: click.Context, verification_id: str) -> None:
    """Remove one verification from the memory (a wrong recording, a withdrawn Beleg)."""
    with _store(ctx, _config(None), create=False) as store:
        gone = store.forget(verification_id)
        where = store.where
    if not gone:
        raise ClaimsError(f"no verification {verification_id!r} in the memory", where)
    click.echo(f"forgot {verification_id}")


@memory.command("info")
@click.pass_context
def info(ctx: click.Context) -> None:
    """Where the memory is, its schema version and how many verifications it holds."""
    from claims.memory.location import locate

    config = _config(None)
    given = ctx.find_object(dict).get("memory")
    source = "--memory" if given else locate(config).source
    with _store(ctx, config, create=False) as store:
        click.echo(f"memory: {store.where}    # {source}")
        click.echo(f"schema version: {store.schema_version()}")
        click.echo(f"verifications: {store.count()}")


@click.group("export")
def export() -> None:
    """Export what the desk found for the public record."""


@export.command("claimreview")
@click.argument("checklists", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON-LD here (default: stdout).")
def claimreview(checklists: tuple[Path, ...], output: Path | None) -> None:
    """schema.org ClaimReview JSON-LD for the claims of CHECKLISTS found falsch or korrigiert.

    The review's author and URL come from [claimreview] in claims.toml (see docs/memory.md)."""
    from claims.memory.claimreview import reviews

    items: list[dict[str, Any]] = []
    for checklist in checklists:
        config = _config(checklist.parent)
        if config.claimreview is None:
            raise ClaimsError("no [claimreview] table in claims.toml: a ClaimReview needs its author "
                              "and the URL where it is published (author = …, url = …)",
                              config.file or checklist.parent)
        items += reviews(checklist, config.claimreview, config.vocabulary())
    text = json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=1)
    if output is None:
        click.echo(text)
    else:
        from claims.checklist.atomic import write_bytes

        write_bytes((text + "\n").encode("utf-8"), output)
        click.echo(f"wrote {output}: {len(items)} claim reviews", err=True)
