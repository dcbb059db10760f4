"""The command line: parses arguments and calls the library. Exit codes: see claims.exitcodes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from claims import __version__, exitcodes
from claims.config import DEFAULT_LANG
from claims.errors import ClaimsError

# The command line uses no pydantic plugins; looking for them scans every installed package's
# entry points when the first schema is built (10 ms of a cold run). Set before pydantic asks.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

FORMATS_EXTRACT = ["xlsx", "csv", "text", "json", "jsonl"]


class _Group(click.Group):
    """Turns every ClaimsError into one line on stderr and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        import warnings

        def say(message: Any, *_args: Any, **_kwargs: Any) -> None:  # a library's warning, as a line of ours
            click.echo(f"claims: warning: {' '.join(str(message).split())[:300]}", err=True)

        warnings.showwarning = say
        try:
            return super().invoke(ctx)
        except ClaimsError as exc:
            _say(f"claims: error: {exc.render()}")
            ctx.exit(exitcodes.ERROR)
        except KeyboardInterrupt as exc:
            code = getattr(exc, "exit_code", 130)
            click.echo("claims: interrupted; nothing half-written was left behind", err=True)
            ctx.exit(code)
        except BrokenPipeError:  # `claims … | head`: the reader has gone; leave quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(exitcodes.FINDINGS)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as exc:  # the file system's answer: a full disk, a read-only folder, a missing one
            if os.environ.get("CLAIMS_DEBUG"):
                raise
            where = f"{os.fsdecode(exc.filename)}: " if exc.filename else ""
            what = "" if exc.filename else "cannot write the output: "
            _say(f"claims: error: {where}{what}{exc.strerror or exc}")
            ctx.exit(exitcodes.ERROR)
        except Exception as exc:  # a bug of ours: one line for the user, details on request
            if os.environ.get("CLAIMS_DEBUG"):
                raise
            click.echo(f"claims: internal error: {type(exc).__name__}: {exc} "
                       f"(set CLAIMS_DEBUG=1 for the traceback, and please report it)", err=True)
            ctx.exit(exitcodes.ERROR)


def _lang_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--lang is joined to a path: a language name only (de, en), never ../x."""
    from claims.languages import LanguageError, check_lang

    if value is None:
        return None
    try:
        return check_lang(value, what="--lang")
    except LanguageError as exc:
        raise click.BadParameter(exc.message.removeprefix("--lang "), ctx, param) from None


def _say(line: str) -> None:
    """A line on stderr; names and cell texts in it lose their terminal control sequences."""
    from claims.report.safe import terminal

    click.echo(terminal(line), err=True)


def terminal(text: str) -> str:
    from claims.report.safe import terminal as strip

    return strip(text)


def _rule_dirs(values: tuple[str, ...]) -> tuple[Path, ...]:
    return tuple(Path(v) for v in values)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claims")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this configuration file instead of searching for claims.toml or "
                   "pyproject.toml upwards from each article.")
def main(config_file: Path | None) -> None:
    """Find every checkable statement in a news article and write a fact-checking checklist.

    Exit codes: 0 ok, 1 findings (open claims, failed examples), 2 usage or input error.
    """


def _jobs_option(func: Any) -> Any:
    return click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
                        help="Worker processes for several articles (default: the cores).")(func)


def _config_flag() -> Path | None:
    """The --config FILE given before the command, if any."""
    ctx = click.get_current_context(silent=True)
    return ctx.find_root().params.get("config_file") if ctx is not None else None


class _Configs:
    """The configuration of each article's folder (found upwards from it), flags on top."""

    def __init__(self, lang: str | None = None, rules: tuple[str, ...] = (), disable: tuple[str, ...] = ()):
        self.flags = {"lang": lang, "rules": rules, "disable": disable, "config_file": _config_flag()}
        self._by_folder: dict[Path, Any] = {}

    def for_path(self, path: str | Path) -> Any:
        from claims.config import resolve

        from claims.batch import resolved

        folder = resolved(Path(path)).parent if str(path) != "-" else Path.cwd()
        if folder not in self._by_folder:
            self._by_folder[folder] = resolve(folder, **self.flags)
        return self._by_folder[folder]


class _Progress:
    """A one-line progress bar on stderr, only when more than one article and stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.active = total > 1 and sys.stderr.isatty() and not os.environ.get("CLAIMS_NO_PROGRESS")

    def step(self, _outcome: Any = None) -> None:
        self.done += 1
        if self.active:
            width = 30
            filled = width * self.done // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} articles")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.active:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    def say(self, line: str) -> None:
        self.clear()
        _say(line)


def _expand(inputs: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    from claims.batch import expand_inputs

    files, problems = expand_inputs(inputs)
    return files, [p.render() for p in problems]


def _run_batch(jobs: list[Any], action: Any, workers: int | None, errors: list[str]) -> Any:
    """Outcomes in input order, errors and warnings on stderr as they come; errors collected."""
    from claims.batch import run

    progress = _Progress(len(jobs))
    for outcome in run(jobs, action, workers, on_done=progress.step):
        for warning in outcome.warnings:
            progress.say(f"claims: warning: {warning}")
        if outcome.error is not None:
            errors.append(outcome.error)
            progress.say(f"claims: error: {outcome.error}")
        yield outcome
    progress.clear()


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--date", "article_date", metavar="YYYY-MM-DD", help="Article date (overrides front matter).")
@click.option("--lang", help="Article language (default: front matter, else the configuration, else "
                              "detected from the text).", callback=_lang_name)
@click.option("--input-format", type=click.Choice(["txt", "md", "docx", "html"]),
              help="Article format (default: from the extension; txt for stdin).")
@click.option("--format", "fmt", type=click.Choice(FORMATS_EXTRACT), default="xlsx", show_default=True,
              help="xlsx: the checklist workbook; csv: the same rows for Google Sheets; "
                   "text, json, jsonl: to stdout (jsonl streams one claim a line as articles finish).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the checklist (one article only; default: the configured name, "
                   "ARTICLE-STEM.checklist.xlsx beside the article).")
@click.option("--combine", type=click.Path(dir_okay=False, path_type=Path),
              help="Write one workbook with the claims of all articles (an article column, a sheet "
                   "per article) instead of one checklist each.")
@click.option("--force", is_flag=True, help="Overwrite an existing checklist (editors' ticks are lost!).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A rule folder of your own (rules/<lang>/*.toml and lists/, the shape of the built-in "
                   "ones): its rules join the built-in set, a rule with a built-in id replaces it. "
                   "Repeatable; configurable as `rules` in claims.toml.")
@click.option("--disable", multiple=True, metavar="ID|KIND", help="Leave out a rule or a kind. Repeatable.")
@click.option("--color/--no-color", default=None, help="Highlight claims (default: when stdout is a terminal).")
@_jobs_option
def extract(articles: tuple[str, ...], article_date: str | None, lang: str | None, input_format: str | None,
            fmt: str, output: Path | None, combine: Path | None, force: bool, rule_dirs: tuple[str, ...],
            disable: tuple[str, ...], color: bool | None, jobs: int | None) -> None:
    """Extract the claims of ARTICLES and write a checklist for each.

    ARTICLES: files (.txt, .md, .docx, .html), folders (searched for articles),
    glob patterns ('articles/**/*.md'), or - for stdin. For .docx and .html, a
    claim's line is the number of its paragraph. Several articles run in
    parallel; results come in the order given.
    """
    from claims import batch

    if "-" in articles and len(articles) > 1:
        raise click.UsageError("- (stdin) cannot be combined with other articles")
    if articles == ("-",) and fmt in ("xlsx", "csv") and output is None and combine is None:
        raise click.UsageError("reading stdin: say where the checklist goes with -o FILE, "
                               "or choose --format text, json or jsonl")
    if combine is not None and fmt != "xlsx":
        raise click.UsageError("--combine writes a workbook; it goes with --format xlsx only")
    if combine is not None and output is not None:
        raise click.UsageError("use either -o (one article's checklist) or --combine (all articles)")
    if combine is not None and not combine.parent.is_dir():
        raise ClaimsError("no such folder for the combined workbook", combine.parent)
    if combine is not None and combine.exists() and not force:
        raise ClaimsError("exists already; pass --force to replace it", combine)
    configs = _Configs(lang, rule_dirs, disable)
    errors: list[str] = []
    files, problems = _expand(articles) if articles != ("-",) else ([Path("-")], [])
    for problem in problems:
        errors.append(problem)
        _say(f"claims: error: {problem}")
    if output is not None and len(files) > 1:
        raise click.UsageError("-o names the checklist of one article; give one article, or use --combine")
    use_color = sys.stdout.isatty() if color is None else color
    action = {"json": batch.as_json, "jsonl": batch.as_jsonl, "text": batch.as_text}.get(fmt, batch.write_checklist)
    if combine is not None:
        action = batch.keep_result
    job_list = []
    for file in files:
        config = configs.for_path(file)
        target = output or (config.checklist_for(file) if fmt == "xlsx"
                            else file.with_name(f"{file.stem}.checklist.csv"))
        job_list.append(batch.Job(
            path=str(file), lang=lang, default_lang=config.lang, date=article_date,
            input_format=input_format, rule_dirs=tuple(str(d) for d in config.rules),
            disabled=config.disable,
            task=batch.ExtractTask(target=str(target), force=force, format=fmt, color=use_color,
                                   memory=_memory_for(config, fmt))))
    workers = 1 if articles == ("-",) else jobs
    many = len(job_list) > 1
    kept: list[Any] = []
    first = True
    out = sys.stdout
    from claims.report.jsonout import JsonArray

    array = JsonArray(out, many)
    for outcome in _run_batch(job_list, action, workers, errors):
        if not outcome.ok:
            continue
        if combine is not None:
            kept.append(outcome.payload)
        elif fmt == "jsonl":
            out.write(outcome.payload)
            out.flush()
        elif fmt == "json":
            array.add(outcome.payload)
        elif fmt == "text":
            if not first:
                click.echo()
            for line in outcome.payload:
                click.echo(line, color=use_color)
        else:
            click.echo(terminal(outcome.payload))
        first = False
    if fmt == "json":
        array.close()
    if combine is not None:
        from claims.checklist.combined import write_combined

        if kept:
            total = write_combined(kept, combine)
            click.echo(f"wrote {combine}: {total} claims from {len(kept)} articles")
        elif not errors:
            errors.append("no articles")
    if errors:
        if len(errors) > 1 or many:
            _say(f"claims: {len(errors)} of {len(job_list) + len(problems)} inputs failed")
        sys.exit(exitcodes.ERROR)


def _memory_for(config: Any, fmt: str = "xlsx") -> Any:
    """Where the memory's columns (workbook, CSV) or the claims' ``memory`` (JSON, JSON Lines)
    come from (claims.memory.location), or None: the text output shows no memory."""
    if fmt == "text":
        return None
    from claims.memory.location import for_recall

    return for_recall(config)


def _recall(result: Any, config: Any) -> tuple[dict[str, Any], list[str]]:
    location = _memory_for(config)
    if location is None:
        return {}, []
    from claims.memory.recall import recall_for

    return recall_for(result, location)


def _record(config: Any, checklist: Path, name: Path | None = None) -> None:
    """Record a checklist's closed rows when claims.toml says ``memory.record = true``."""
    from claims.memory.record import record_if_configured

    line = record_if_configured(config, checklist, name)
    if line:
        click.echo(line, err=True)


def _changed_articles(base: str, paths: tuple[str, ...]) -> list[Path]:
    from claims.check.changed import changed_articles

    return changed_articles(base, paths)


@main.command()
@click.argument("articles", nargs=-1)
@click.option("--changed", "base", metavar="BASE",
              help="Check only articles added or changed since the git ref BASE (and untracked ones); "
                   "ARTICLES then limit the search to these paths.")
@click.option("--checklist", type=click.Path(dir_okay=False, path_type=Path),
              help="The checklist (default: the configured name beside the article; one article only).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text",
              show_default=True, help="text for people; json for scripts; github: workflow annotations "
                                      "(and the step summary); sarif: SARIF 2.1.0 for code-scanning dashboards.")
@click.option("--date", "article_date", metavar="YYYY-MM-DD",
              help="Article date (default: front matter, else the date stored in the checklist).")
@click.option("--lang", help="Article language (default: front matter, else the language stored in the "
                             "checklist, else the configuration, else detected from the text).",
              callback=_lang_name)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A rule folder of your own (rules/<lang>/*.toml and lists/, the shape of the built-in "
                   "ones): its rules join the built-in set, a rule with a built-in id replaces it. "
                   "Repeatable; configurable as `rules` in claims.toml.")
@click.option("--disable", multiple=True, metavar="ID|KIND", help="Leave out a rule or a kind. Repeatable.")
@click.option("--force", is_flag=True, help="Check against a checklist that seems to belong to another article.")
@_jobs_option
def check(articles: tuple[str, ...], base: str | None, checklist: Path | None, fmt: str,
          article_date: str | None, lang: str | None, rule_dirs: tuple[str, ...], disable: tuple[str, ...],
          force: bool, jobs: int | None) -> None:
    """May the articles go out? Exit 0 when every claim is closed in its checklist, 1 otherwise.

    ARTICLES: files, folders, glob patterns. Reports claims that are open, wrong
    (falsch), new since the checklist was made, changed since they were ticked,
    and articles without a checklist.
    """
    from claims import batch

    if not articles and base is None:
        raise click.UsageError("give the articles to check, or --changed BASE")
    errors: list[str] = []
    if base is not None:
        files = _changed_articles(base, articles)
        problems: list[str] = []
        if not files:
            click.echo(f"no article changed since {base}", err=True)
    else:
        files, problems = _expand(articles)
        for problem in problems:
            errors.append(problem)
            _say(f"claims: error: {problem}")
    if checklist is not None and len(files) > 1:
        raise click.UsageError("--checklist names the checklist of one article; give one article")
    configs = _Configs(None, rule_dirs, disable)
    job_list = []
    for file in files:
        config = configs.for_path(file)
        target = checklist or config.checklist_for(file)
        job_list.append(batch.Job(
            path=str(file), lang=lang, default_lang=config.lang, date=article_date,
            rule_dirs=tuple(str(d) for d in config.rules), disabled=config.disable,
            task=batch.CheckTask(target=str(target), force=force,
                                 vocabulary=tuple(config.vocabulary().items()))))
    checks = []
    for outcome in _run_batch(job_list, batch.check_article, jobs, errors):
        if outcome.ok:
            result, warnings = outcome.payload
            for warning in warnings:
                _say(f"claims: warning: {warning}")
            checks.append(result)
    for file, job in zip(files, job_list, strict=True):  # claims.toml memory.record = true
        try:
            _record(configs.for_path(file), Path(job.task.target))
        except ClaimsError as exc:
            errors.append(exc.render())
            _say(f"claims: error: {exc.render()}")
    if len(job_list) == 1 and errors and not problems:
        sys.exit(exitcodes.ERROR)  # the one article's error is said; no report of nothing
    if fmt == "json":
        from claims.check.checkout import as_json

        click.echo(as_json(checks))
    elif fmt == "sarif":
        from claims.check.sarif import as_sarif

        click.echo(as_sarif(checks))
    else:
        if fmt == "github":
            from claims.check.github import annotations

            for line in annotations(checks):
                click.echo(line)
        from claims.check.checkout import as_text

        lines = list(as_text(checks))
        for line in lines if fmt == "text" else lines[-1:]:
            click.echo(line)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        from claims.check.github import step_summary

        try:
            with open(summary_file, "a", encoding="utf-8", errors="replace") as handle:
                handle.write(step_summary(checks))
        except OSError as exc:  # a full disk or a read-only runner: the check's verdict still stands
            _say(f"claims: warning: cannot write the step summary {summary_file}: {exc.strerror or exc}")
    if errors:
        sys.exit(exitcodes.ERROR)
    sys.exit(exitcodes.OK if all(c.ok for c in checks) else exitcodes.FINDINGS)


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--checklist", type=click.Path(dir_okay=False, path_type=Path),
              help="The checklist (default: the configured name beside the article; one article only).")
@click.option("--date", "article_date", metavar="YYYY-MM-DD",
              help="Article date (default: front matter, else the date stored in the checklist).")
@click.option("--lang", help="Article language (default: front matter, else the language stored in the "
                             "checklist, else the configuration, else detected from the text).",
              callback=_lang_name)
@click.option("--force", is_flag=True, help="Write even though Excel or LibreOffice has the workbook open, "
                                            "or the checklist seems to belong to another article.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A rule folder of your own (rules/<lang>/*.toml and lists/, the shape of the built-in "
                   "ones): its rules join the built-in set, a rule with a built-in id replaces it. "
                   "Repeatable; configurable as `rules` in claims.toml.")
@click.option("--disable", multiple=True, metavar="ID|KIND", help="Leave out a rule or a kind. Repeatable.")
def update(articles: tuple[Path, ...], checklist: Path | None, article_date: str | None, lang: str | None,
           force: bool, rule_dirs: tuple[str, ...], disable: tuple[str, ...]) -> None:
    """Bring the checklists of ARTICLES up to date after edits, keeping every tick and note.

    ARTICLES: files, folders or glob patterns. Unchanged claims keep their cells; changed
    claims come back open, marked, with their old text and cells beside them; vanished claims
    move to the removed sheet; new ones come in marked. Comments, links, formulas, own
    columns and sheets stay. Each previous file is kept as NAME.bak-YYYYMMDD-HHMMSS.xlsx (the
    last five). One article's problem is reported and the others are still updated (exit 2).
    """
    from claims import batch
    from claims.checklist.atomic import signals_raise

    files, problems = batch.expand_inputs(str(a) for a in articles)
    if checklist is not None and len(files) > 1:
        raise click.UsageError("--checklist names the checklist of one article; give one article")
    if len(articles) == 1 and problems and not files:
        raise problems[0]
    errors: list[str] = []
    for problem in problems:
        errors.append(problem.render())
        _say(f"claims: error: {problem.render()}")
    configs = _Configs(None, rule_dirs, disable)
    job_list = []
    for file in files:
        config = configs.for_path(file)
        job_list.append(batch.Job(
            path=str(file), lang=lang, default_lang=config.lang, date=article_date,
            rule_dirs=tuple(str(d) for d in config.rules), disabled=config.disable,
            task=batch.UpdateTask(target=str(checklist or config.checklist_for(file)), force=force,
                                  vocabulary=tuple(config.vocabulary().items()),
                                  memory=_memory_for(config))))
    # one article after the other, in this process: a signal (SIGTERM, SIGHUP) is cleaned up like
    # Ctrl-C, never leaving a half-written file
    with signals_raise():
        for outcome in _run_batch(job_list, batch.update_article, 1, errors):
            if outcome.ok:
                line, warnings, backup = outcome.payload
                for warning in warnings:
                    _say(f"claims: warning: {warning}")
                click.echo(line)
                job = job_list[outcome.index]
                try:  # claims.toml memory.record = true: what it read, the checklist as it was
                    _record(configs.for_path(Path(job.path)), Path(backup), Path(job.task.target))
                except ClaimsError as exc:
                    errors.append(exc.render())
                    _say(f"claims: error: {exc.render()}")
    if errors:
        sys.exit(exitcodes.ERROR)


@main.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--lang", help="As the flag of extract and check: overrides the file.", callback=_lang_name)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A rule folder of your own (rules/<lang>/*.toml and lists/, the shape of the built-in "
                   "ones): its rules join the built-in set, a rule with a built-in id replaces it. "
                   "Repeatable; configurable as `rules` in claims.toml.")
@click.option("--disable", multiple=True, metavar="ID|KIND", help="As the flag of extract: leave out a rule or a kind.")
@click.option("--json", "as_json", is_flag=True, help="The values and their sources as JSON.")
def config_(path: Path | None, lang: str | None, rule_dirs: tuple[str, ...], disable: tuple[str, ...],
            as_json: bool) -> None:
    """Print the effective configuration for PATH (an article or folder; default: here) and its sources.

    The file is claims.toml or pyproject.toml ([tool.claims]), searched upwards from PATH.
    """
    from claims.config import resolve

    config = resolve(path or Path.cwd(), lang=lang, rules=rule_dirs, disable=disable, config_file=_config_flag())
    rows = config.as_rows()
    import json

    if as_json:
        click.echo(json.dumps({"file": str(config.file) if config.file else None,
                               "values": {k: {"value": v, "source": s} for k, v, s in rows}},
                              ensure_ascii=False, indent=1))
        return
    click.echo(f"# configuration file: {config.file or '(none found; defaults)'}")
    for key, value, source in rows:
        click.echo(f"{key} = {json.dumps(value, ensure_ascii=False)}    # {source}")


@main.group()
def rules() -> None:
    """List, test and document the rules."""


@rules.command("list")
@click.option("--lang", default=DEFAULT_LANG, show_default=True, callback=_lang_name,
              help="The language whose rules to list.")
@click.option("--kind", help="Only rules of this kind (finding: the checks of claims against each other).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A rule folder of your own (rules/<lang>/*.toml and lists/, the shape of the built-in "
                   "ones): its rules join the built-in set, a rule with a built-in id replaces it. "
                   "Repeatable; configurable as `rules` in claims.toml.")
def rules_list(lang: str, kind: str | None, rule_dirs: tuple[str, ...]) -> None:
    """One line per rule: code, id, kind, summary; then the findings' checks (kind "finding")."""
    from itertools import chain

    from claims.ruleset import load_ruleset
    from claims.ruleset.docs import finding_rows, rule_rows

    ruleset = load_ruleset(lang, _rule_dirs(rule_dirs))
    for code, rule_id, rule_kind, summary in chain(rule_rows(ruleset), finding_rows(ruleset)):
        if kind is None or kind == rule_kind:
            click.echo(f"{code}  {rule_id:<36} {rule_kind:<12} {summary}")


@rules.command("test")
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--lang", help="Language to test (default: every language, or PATH's).", callback=_lang_name)
@click.option("-v", "--verbose", is_flag=True, help="List every example, not just failures.")
def rules_test(path: Path | None, lang: str | None, verbose: bool) -> None:
    """Run every rule's examples. PATH: a rule directory of your own, tested over the built-ins."""
    from claims.languages import available_languages
    from claims.ruleset import load_ruleset
    from claims.examples import run_examples

    if lang:
        langs = [lang]
    elif path is not None and (path / "language.toml").is_file():
        import tomllib

        langs = [tomllib.loads((path / "language.toml").read_text(encoding="utf-8")).get("lang", path.name)]
    else:
        known = available_languages()
        # a folder of the built-in shape (PATH/de/*.toml) tests those languages; a flat one, all
        own = [name for name in known if path is not None and (path / name).is_dir()]
        langs = own or known
    failed = passed = todos = 0
    for language in langs:
        extra = (path,) if path is not None else ()
        ruleset = load_ruleset(language, extra)
        only = None
        if path is not None:
            only = {r.id for r in ruleset.rules if path.resolve() in r.path.resolve().parents}
        for result in [*run_examples(ruleset, only), *_finding_examples(ruleset, path)]:
            where = f"{result.path}:{result.line} {result.rule}"
            if result.kind == "todo":
                todos += 1
                click.echo(f"todo  {where}: {result.expected!r} in {result.text!r}: {result.problem}")
            elif result.passed:
                passed += 1
                if verbose:
                    click.echo(f"ok    {where}: {result.kind} {result.text!r}")
            else:
                failed += 1
                click.echo(f"FAIL  {where}: {result.kind} {result.text!r}: {result.problem}")
    click.echo(f"{passed} passed, {failed} failed, {todos} todo")
    sys.exit(exitcodes.FINDINGS if failed else exitcodes.OK)


def _finding_examples(ruleset: Any, path: Path | None) -> list[Any]:
    """The checks' examples of the language's findings.toml (with PATH: only if it has one)."""
    from claims.findings.data import FILE
    from claims.findings.examples import run_finding_examples

    if path is not None and not any((d / FILE).is_file() for d in (path, path / ruleset.lang)):
        return []
    return run_finding_examples(ruleset)


@rules.command("docs")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of stdout (docs/rules.md).")
def rules_docs(output: Path | None) -> None:
    """Write the rules reference (Markdown) generated from the rule files."""
    from claims.ruleset import builtin_rules_dir, load_ruleset
    from claims.ruleset.docs import markdown

    langs = sorted(p.name for p in builtin_rules_dir().iterdir() if (p / "language.toml").is_file())
    text = markdown([load_ruleset(lang) for lang in langs])
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--lang", help="Language of every article (default: meta.json's \"lang\", else the article's front matter, "
                              f"else {DEFAULT_LANG}).", callback=_lang_name)
@click.option("--json", "as_json", is_flag=True, help="Scores and misses as JSON.")
@click.option("--show", is_flag=True, help="List misses, false alarms and wrong values.")
@click.option("--kind", help="With --show: only this kind.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A rule folder of your own (rules/<lang>/*.toml and lists/, the shape of the built-in "
                   "ones): its rules join the built-in set, a rule with a built-in id replaces it. "
                   "Repeatable; configurable as `rules` in claims.toml.")
def eval_(gold_dir: Path, lang: str | None, as_json: bool, show: bool, kind: str | None,
          rule_dirs: tuple[str, ...]) -> None:
    """Score the rules on annotated articles in GOLD_DIR (*.gold.jsonl beside each article)."""
    from claims.evaluation.run import evaluate
    from claims.report import evaltable
    score = evaluate(gold_dir, lang, _rule_dirs(rule_dirs))
    if as_json:
        click.echo(evaltable.as_json(score))
        return
    if show:
        for line in evaltable.misses(score, kind):
            click.echo(line)
        click.echo()
    for line in evaltable.as_table(score):
        click.echo(line)


from claims.memory.commands import export, memory  # noqa: E402 (the memory's commands, their own module)

main.add_command(memory)
main.add_command(export)
