"""The command line: parses arguments and calls the library. Exit codes: see claims.exitcodes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from claims import __version__, exitcodes
from claims.errors import ClaimsError

FORMATS_EXTRACT = ["xlsx", "csv", "text", "json", "jsonl"]


class _Group(click.Group):
    """Turns every ClaimsError into one line on stderr and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimsError as exc:
            click.echo(f"claims: error: {exc.render()}", err=True)
            ctx.exit(exitcodes.ERROR)
        except KeyboardInterrupt:
            click.echo("claims: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # a bug of ours: one line for the user, details on request
            if os.environ.get("CLAIMS_DEBUG"):
                raise
            click.echo(f"claims: internal error: {type(exc).__name__}: {exc} "
                       f"(set CLAIMS_DEBUG=1 for the traceback, and please report it)", err=True)
            ctx.exit(exitcodes.ERROR)


def _rule_dirs(values: tuple[str, ...]) -> tuple[Path, ...]:
    return tuple(Path(v) for v in values)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claims")
def main() -> None:
    """Find every checkable statement in a news article and write a fact-checking checklist.

    Exit codes: 0 ok, 1 findings (open claims, failed examples), 2 usage or input error.
    """


@main.command()
@click.argument("article", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--date", "article_date", metavar="YYYY-MM-DD", help="Article date (overrides front matter).")
@click.option("--lang", help="Article language (default: front matter, else de).")
@click.option("--input-format", type=click.Choice(["txt", "md", "docx", "html"]),
              help="Article format (default: from the extension; txt for stdin).")
@click.option("--format", "fmt", type=click.Choice(FORMATS_EXTRACT), default="xlsx", show_default=True,
              help="xlsx: the checklist workbook; csv: the same rows for Google Sheets; "
                   "text, json, jsonl: to stdout.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the checklist (default: ARTICLE-STEM.checklist.xlsx beside the article).")
@click.option("--force", is_flag=True, help="Overwrite an existing checklist (editors' ticks are lost!).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Extra rule directory (overrides built-in rules by id). Repeatable.")
@click.option("--color/--no-color", default=None, help="Highlight claims (default: when stdout is a terminal).")
def extract(article: Path, article_date: str | None, lang: str | None, input_format: str | None, fmt: str,
            output: Path | None, force: bool, rule_dirs: tuple[str, ...], color: bool | None) -> None:
    """Extract the claims of ARTICLE (.txt, .md, .docx, .html; - for stdin) and write its checklist.

    For .docx and .html, a claim's line is the number of its paragraph.
    """
    from claims.api import extract_article
    from claims.ruleset import load_ruleset
    from claims.text.reader import read_article

    if str(article) == "-" and fmt in ("xlsx", "csv") and output is None:
        raise click.UsageError("reading stdin: say where the checklist goes with -o FILE, "
                               "or choose --format text, json or jsonl")
    art = read_article(article, lang=lang, date=article_date, input_format=input_format)
    for warning in art.warnings:
        click.echo(f"claims: warning: {warning}", err=True)
    result = extract_article(art, load_ruleset(art.lang, _rule_dirs(rule_dirs)))
    if fmt in ("xlsx", "csv"):
        from claims.report.text import count_line

        target = output or article.with_name(f"{article.stem}.checklist.{fmt}")
        if target.exists() and not force:
            raise ClaimsError(f"a checklist exists already; bring it up to date with "
                              f"`claims update {article}` (keeps every tick), or pass --force to "
                              f"start over", target)
        if fmt == "xlsx":
            from claims.checklist.writer import write_workbook

            write_workbook(result, art, target)
        else:
            from claims.report.csvout import write_csv

            write_csv(result, art, target)
        click.echo(f"wrote {target}: {count_line(result)}")
    elif fmt == "json":
        from claims.report.jsonout import as_json

        click.echo(as_json(result))
    elif fmt == "jsonl":
        from claims.report.jsonout import as_jsonl

        for line in as_jsonl(result):
            click.echo(line)
    else:
        from claims.report.text import as_text

        use_color = sys.stdout.isatty() if color is None else color
        for line in as_text(result, use_color):
            click.echo(line, color=use_color)


def checklist_path_for(article: Path) -> Path:
    """The naming convention: ARTICLE-STEM.checklist.xlsx beside the article."""
    return article.with_name(f"{article.stem}.checklist.xlsx")


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--checklist", type=click.Path(dir_okay=False, path_type=Path),
              help="The checklist (default: ARTICLE-STEM.checklist.xlsx beside the article; one article only).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text",
              show_default=True)
@click.option("--date", "article_date", metavar="YYYY-MM-DD", help="Article date (overrides front matter).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def check(articles: tuple[Path, ...], checklist: Path | None, fmt: str, article_date: str | None,
          rule_dirs: tuple[str, ...]) -> None:
    """May the articles go out? Exit 0 when every claim is closed in its checklist, 1 otherwise.

    Reports claims that are open, wrong (falsch), new since the checklist was made,
    changed since they were ticked, and articles without a checklist.
    """
    from claims.api import extract_article
    from claims.checklist.reader import read_checklist
    from claims.gate import check_claims, missing_checklist
    from claims.ruleset import load_ruleset
    from claims.text.reader import read_article

    if checklist is not None and len(articles) > 1:
        raise click.UsageError("--checklist names the checklist of one article; give one article")
    checks = []
    errors = 0
    for article in articles:
        try:
            art = read_article(article, date=article_date)
            result = extract_article(art, load_ruleset(art.lang, _rule_dirs(rule_dirs)))
            target = checklist or checklist_path_for(article)
            if not target.exists():
                checks.append(missing_checklist(str(article), str(target), len(result.claims)))
                continue
            stored = read_checklist(target)
            for cell, text in stored.unknown_statuses:
                click.echo(f"claims: warning: {target} ({cell}): unknown status {text!r}, counted as open",
                           err=True)
            checks.append(check_claims(result.claims, stored.rows, str(article), str(target)))
        except ClaimsError as exc:
            if len(articles) == 1:
                raise
            errors += 1
            click.echo(f"claims: error: {exc.render()}", err=True)
    if fmt == "json":
        from claims.report.checkout import as_json

        click.echo(as_json(checks))
    elif fmt == "sarif":
        from claims.report.sarif import as_sarif

        click.echo(as_sarif(checks))
    else:
        if fmt == "github":
            from claims.report.github import annotations

            for line in annotations(checks):
                click.echo(line)
        from claims.report.checkout import as_text

        lines = list(as_text(checks))
        for line in lines if fmt == "text" else lines[-1:]:
            click.echo(line)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        from claims.report.github import step_summary

        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(step_summary(checks))
    if errors:
        sys.exit(exitcodes.ERROR)
    sys.exit(exitcodes.OK if all(c.ok for c in checks) else exitcodes.FINDINGS)


@main.command()
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--checklist", type=click.Path(dir_okay=False, path_type=Path),
              help="The checklist (default: ARTICLE-STEM.checklist.xlsx beside the article).")
@click.option("--date", "article_date", metavar="YYYY-MM-DD", help="Article date (overrides front matter).")
@click.option("--force", is_flag=True, help="Write even though Excel or LibreOffice has the workbook open.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def update(article: Path, checklist: Path | None, article_date: str | None, force: bool,
           rule_dirs: tuple[str, ...]) -> None:
    """Bring ARTICLE's checklist up to date after an edit, keeping every tick and note.

    Unchanged claims keep their cells; changed claims come back open with their old text
    and cells beside them; vanished claims move to the removed sheet. The previous
    file is kept as NAME.bak.xlsx.
    """
    from claims.api import extract_article
    from claims.checklist.update import update_checklist
    from claims.ruleset import load_ruleset
    from claims.text.reader import read_article

    target = checklist or checklist_path_for(article)
    if not target.exists():
        raise ClaimsError(f"no checklist to update; make one with `claims extract {article}`", target)
    art = read_article(article, date=article_date)
    result = extract_article(art, load_ruleset(art.lang, _rule_dirs(rule_dirs)))
    click.echo(update_checklist(result, art, target, force=force).line())


@main.group()
def rules() -> None:
    """List, test and document the rules."""


@rules.command("list")
@click.option("--lang", default="de", show_default=True)
@click.option("--kind", help="Only rules of this kind.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def rules_list(lang: str, kind: str | None, rule_dirs: tuple[str, ...]) -> None:
    """One line per rule: code, id, kind, summary."""
    from claims.ruleset import load_ruleset
    from claims.ruleset.docs import rule_rows

    ruleset = load_ruleset(lang, _rule_dirs(rule_dirs))
    for code, rule_id, rule_kind, summary in rule_rows(ruleset):
        if kind is None or kind == rule_kind:
            click.echo(f"{code}  {rule_id:<36} {rule_kind:<12} {summary}")


@rules.command("test")
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--lang", help="Language to test (default: every built-in language, or PATH's).")
@click.option("-v", "--verbose", is_flag=True, help="List every example, not just failures.")
def rules_test(path: Path | None, lang: str | None, verbose: bool) -> None:
    """Run every rule's examples. PATH: a rule directory of your own, tested over the built-ins."""
    from claims.ruleset import builtin_rules_dir, load_ruleset
    from claims.ruleset.examples import run_examples

    if lang:
        langs = [lang]
    elif path is not None and (path / "language.toml").is_file():
        import tomllib

        langs = [tomllib.loads((path / "language.toml").read_text(encoding="utf-8")).get("lang", path.name)]
    else:
        langs = sorted(p.name for p in builtin_rules_dir().iterdir() if (p / "language.toml").is_file())
    failed = passed = todos = 0
    for language in langs:
        extra = (path,) if path is not None else ()
        ruleset = load_ruleset(language, extra)
        only = None
        if path is not None:
            only = {r.id for r in ruleset.rules if path.resolve() in r.path.resolve().parents}
        for result in run_examples(ruleset, only):
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
@click.option("--lang", help="Language of the articles (default: their front matter, else de).")
@click.option("--json", "as_json", is_flag=True, help="Scores and misses as JSON.")
@click.option("--show", is_flag=True, help="List misses, false alarms and wrong values.")
@click.option("--kind", help="With --show: only this kind.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def eval_(gold_dir: Path, lang: str | None, as_json: bool, show: bool, kind: str | None,
          rule_dirs: tuple[str, ...]) -> None:
    """Score the rules on annotated articles in GOLD_DIR (*.gold.jsonl beside each article)."""
    from claims.evaluation.run import evaluate
    from claims.report import evaltable
    from claims.ruleset import load_ruleset

    rules_ = load_ruleset(lang or "de", _rule_dirs(rule_dirs)) if rule_dirs else None
    score = evaluate(gold_dir, lang, rules_)
    if as_json:
        click.echo(evaltable.as_json(score))
        return
    if show:
        for line in evaltable.misses(score, kind):
            click.echo(line)
        click.echo()
    for line in evaltable.as_table(score):
        click.echo(line)
