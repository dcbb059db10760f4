"""Many articles at once: expand inputs to files, run them in worker processes, results in order.

* :func:`expand_inputs` turns files, folders (searched recursively for readable
  articles) and glob patterns into a stable, sorted list of files without
  duplicates.
* :func:`run` processes them: in this process for one article or ``jobs=1``,
  else in a pool of worker processes (each loads its rule sets once; with the
  ``fork`` start method they inherit the parent's). Results come back in input
  order, as soon as every earlier article is done, so a pipeline sees output
  while the batch runs. A broken article gives an :class:`Outcome` with its
  error; the batch goes on.

What is done with each article is a picklable function ``action(article,
result, job)``, run in the worker, so writing checklists or formatting JSON is
spread over the workers too. The options of that action are the job's ``task``, one typed,
picklable model per command: :class:`ExtractTask`, :class:`CheckTask`, :class:`UpdateTask`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.config import DEFAULT_LANG
from claims.errors import ClaimsError, InputError
from claims.text.reader import READABLE_SUFFIXES

if TYPE_CHECKING:  # worker pools are imported when a batch needs them: a single article need not pay
    from concurrent.futures import Future, ProcessPoolExecutor

GLOB_CHARS = set("*?[")
SKIPPED_DIRS = {"node_modules", "__pycache__"}


@dataclass(frozen=True)
class ExtractTask:
    """``claims extract``: where the checklist goes and how the claims are given."""

    target: str = ""  # the checklist to write (xlsx, csv); unused for text, json, jsonl
    force: bool = False  # overwrite an existing checklist
    format: str = "xlsx"  # xlsx, csv, text, json, jsonl
    color: bool = False  # text: highlight the claims
    memory: Any = None  # the memory to recall earlier verifications from (claims.memory.location), or None

    reads_checklist = False  # the article's language and date come from the article alone


@dataclass(frozen=True)
class CheckTask:
    """``claims check``: the checklist to hold the claims against."""

    target: str
    force: bool = False  # check against a checklist that seems to belong to another article
    vocabulary: tuple[tuple[str, str], ...] = ()  # the newsroom's status words -> codes

    reads_checklist = True  # a missing language or date comes from the checklist


@dataclass(frozen=True)
class UpdateTask:
    """``claims update``: the checklist to bring up to date."""

    target: str
    force: bool = False  # write although the workbook is open, or seems another article's
    vocabulary: tuple[tuple[str, str], ...] = ()
    memory: Any = None  # as ExtractTask's

    reads_checklist = True

    def before(self, job: "Job") -> None:
        """Refused before the article is read: there is nothing to update."""
        if not Path(self.target).exists():
            raise ClaimsError(f"no checklist to update; make one with `claims extract {job.path}`",
                              self.target)


Task = ExtractTask | CheckTask | UpdateTask


@dataclass(frozen=True)
class Job:
    """One article to process, with the options its configuration gives it, and the task."""

    path: str
    lang: str | None = None
    default_lang: str | None = DEFAULT_LANG  # None: detect it from the text
    date: str | None = None
    input_format: str | None = None
    rule_dirs: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    task: Task = field(default_factory=ExtractTask)


@dataclass
class Outcome:
    """What became of one article: the action's payload, or the error (one line)."""

    index: int
    path: str
    payload: Any = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


Action = Callable[[Any, Any, Job], Any]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _readable(path: Path) -> bool:
    return path.suffix.lower() in READABLE_SUFFIXES and not path.name.startswith((".", "~$"))


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        found.extend(Path(root) / name for name in files if _readable(Path(name)))
    return sorted(found)  # by path: a folder's files and subfolders interleave by name


def resolved(path: Path) -> Path:
    """``path`` made absolute with its symlinks resolved, or only made absolute where they loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # a symlink loop (RuntimeError before Python 3.13)
        return Path(os.path.abspath(path))


def _glob(pattern: str) -> list[Path]:
    """Files matching ``pattern`` (``**``: any depth), hidden ones left out, symlinked folders not
    followed: glob.glob follows them, and two links to ``.`` in one folder make it walk 2**n paths."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if GLOB_CHARS & set(part)), len(parts))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    rest = "/".join(parts[fixed:])
    if not rest:
        return [base] if base.exists() else []
    try:
        found = [p for p in base.glob(rest)
                 if not any(part.startswith(".") for part in p.relative_to(base).parts)]
    except (OSError, ValueError):
        return []
    return sorted(found)


def expand_inputs(inputs: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Files, folders and glob patterns to article files, in a stable order.

    A file is taken as given (its reading reports a wrong extension); a folder
    gives its readable articles (``.txt .md .docx .html`` …, hidden folders
    skipped) at any depth, sorted by path; a pattern (``*``, ``?``, ``[``; ``**`` for any
    depth) gives its matching readable files, sorted. A folder or pattern with no
    article is an error, as is a path that does not exist. Duplicates are dropped.
    """
    files: list[Path] = []
    problems: list[InputError] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = resolved(path) if path.exists() else path
        if key not in seen:
            seen.add(key)
            files.append(path)

    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            found = _walk(path)
            if not found:
                known = " ".join(sorted(READABLE_SUFFIXES))
                problems.append(InputError(f"no articles in this folder (readable: {known})", path))
            for file in found:
                add(file)
        elif not path.exists() and GLOB_CHARS & set(text):
            found = [m for m in _glob(text) if m.is_file() and _readable(m)]
            if not found:
                problems.append(InputError("no article matches this pattern", text))
            for file in found:
                add(file)
        else:
            add(path)  # missing or unreadable files are reported when they are read
    return files, problems


# --- the worker side ---------------------------------------------------------------------------

def process(job: Job, action: Action) -> Outcome:
    """Read, extract and act on one article; any ClaimsError becomes the outcome's error."""
    from claims.api import extract_article
    from claims.ruleset import load_ruleset
    from claims.text.reader import read_article

    try:
        default_lang, default_date = job.default_lang, None
        before = getattr(job.task, "before", None)
        if before is not None:
            before(job)
        if job.task.reads_checklist:  # check, update: the language and date the checklist was made with
            from claims.checklist.reader import stored_meta

            meta = stored_meta(Path(job.task.target))
            default_lang = meta.get("article_lang") or meta.get("lang") or default_lang
            default_date = meta.get("article_date") or None
        article = read_article(job.path, lang=job.lang, date=job.date, input_format=job.input_format,
                               default_lang=default_lang, default_date=default_date)
        rules = load_ruleset(article.lang, tuple(Path(d) for d in job.rule_dirs), tuple(sorted(job.disabled)))
        result = extract_article(article, rules)
        return Outcome(0, job.path, action(article, result, job), warnings=list(article.warnings))
    except ClaimsError as exc:
        return Outcome(0, job.path, error=exc.render() if exc.path else f"{job.path}: {exc.render()}")
    except Exception as exc:  # a bug of ours must not stop the other articles
        if os.environ.get("CLAIMS_DEBUG"):
            raise
        return Outcome(0, job.path, error=f"{job.path}: internal error: {type(exc).__name__}: {exc} "
                                          f"(set CLAIMS_DEBUG=1 for the traceback, and please report it)")


def _process_chunk(chunk: Sequence[tuple[int, Job]], action: Action) -> list[Outcome]:
    outcomes = []
    for index, job in chunk:
        outcome = process(job, action)
        outcome.index = index
        outcomes.append(outcome)
    return outcomes


def _preload(jobs: Sequence[Job]) -> None:
    """Load each rule set the jobs will likely need, in this process, before any worker starts.

    A broken rule file is then one error for the whole batch, and forked workers
    inherit the compiled rules instead of loading them each.
    """
    from claims.ruleset import load_ruleset

    for key in sorted({(j.lang or j.default_lang or DEFAULT_LANG, j.rule_dirs, tuple(sorted(j.disabled))) for j in jobs}):
        load_ruleset(key[0], tuple(Path(d) for d in key[1]), key[2])


def _pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def run(jobs: Sequence[Job], action: Action, workers: int | None = None,
        on_done: Callable[[Outcome], None] | None = None) -> Iterator[Outcome]:
    """Process ``jobs`` with ``workers`` processes (default: the cores); yield outcomes in input order.

    ``on_done`` is called for every outcome as it arrives (for a progress bar).
    Raises a ClaimsError only for what stops every article (broken rule files).
    """
    workers = min(workers or default_jobs(), len(jobs)) or 1
    _preload(jobs)
    if workers <= 1:
        for index, job in enumerate(jobs):
            outcome = process(job, action)
            outcome.index = index
            if on_done:
                on_done(outcome)
            yield outcome
        return
    size = max(1, min(16, len(jobs) // (workers * 8)))
    chunks = [list(enumerate(jobs))[start:start + size] for start in range(0, len(jobs), size)]
    window = workers * 3
    from concurrent.futures.process import BrokenProcessPool

    with _pool(workers) as pool:
        pending: deque[tuple[Sequence[tuple[int, Job]], Future[list[Outcome]]]] = deque()
        todo = iter(chunks)
        try:
            for chunk in todo:
                pending.append((chunk, pool.submit(_process_chunk, chunk, action)))
                if len(pending) >= window:
                    break
            while pending:
                chunk, future = pending.popleft()
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    raise ClaimsError("a worker process died (out of memory?); run again with --jobs 1 "
                                      f"to find the article, first of this group: {chunk[0][1].path}") from None
                next_chunk = next(todo, None)
                if next_chunk is not None:
                    pending.append((next_chunk, pool.submit(_process_chunk, next_chunk, action)))
                for outcome in outcomes:
                    if on_done:
                        on_done(outcome)
                    yield outcome
        finally:
            for _, future in pending:
                future.cancel()


# --- actions: what to do with each article, run in the worker ---------------------------------

def _recall(article: Any, result: Any, job: Job) -> None:
    """Earlier verifications of the article's claims into ``result.memory`` (when the job has a
    memory); a memory that cannot be read is the article's warning, never its failure."""
    memory = getattr(job.task, "memory", None)
    if memory is not None:
        from claims.memory.recall import recall_for

        result.memory, memory_warnings = recall_for(result, memory)
        article.warnings.extend(memory_warnings)


def as_jsonl(article: Any, result: Any, job: Job) -> str:
    """One JSON line per claim (with the article's path), ready to print."""
    from claims.report.jsonout import as_jsonl as lines

    _recall(article, result, job)
    return "".join(line + "\n" for line in lines(result))


def as_json(article: Any, result: Any, job: Job) -> str:
    from claims.report.jsonout import as_json as dump

    _recall(article, result, job)
    return dump(result)


def as_text(article: Any, result: Any, job: Job) -> list[str]:
    from claims.report.text import as_text as lines

    return list(lines(result, bool(job.task.color)))  # type: ignore[union-attr]


def write_checklist(article: Any, result: Any, job: Job) -> str:
    """Write the article's checklist (xlsx or csv) to the job's target; refuse to overwrite one."""
    from claims.report.text import count_line

    task = job.task
    assert isinstance(task, ExtractTask)
    target = Path(task.target)
    _name_fits(target)
    if target.exists() and not task.force:
        raise ClaimsError(f"a checklist exists already; bring it up to date with "
                          f"`claims update {job.path}` (keeps every tick), or pass --force to "
                          f"start over", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # a configured name may name a subfolder
    except OSError as exc:
        raise ClaimsError(f"cannot make the checklist's folder: {exc.strerror or exc}", target.parent) from None
    backup = None
    try:
        if target.is_file() and target.suffix.lower() == ".xlsx":  # --force over an editor's work: keep it
            from claims.fileops import keep_backup, prune_backups

            backup = keep_backup(target, target.read_bytes())
        _recall(article, result, job)  # earlier verifications beside the editor's columns
        if task.format == "csv":
            from claims.report.csvout import write_csv

            write_csv(result, article, target)
        else:
            from claims.checklist.writer import write_workbook

            write_workbook(result, article, target)
    except OSError as exc:  # a read-only folder, a full disk: one line, the article named
        raise ClaimsError(f"cannot write the checklist: {exc.strerror or exc}", target) from None
    counts = count_line(result)
    if task.memory is not None:
        counts += f"; {len(result.memory or {})} found in the verification memory"
    if backup is not None:
        prune_backups(target)
        return f"wrote {target}: {counts}; the previous checklist is in {backup}"
    return f"wrote {target}: {counts}"


# room for the temporary name a write goes through first (".NAME.tmp-xxxxxxxx")
_TEMP_ROOM = 24


def _name_fits(target: Path) -> None:
    """A checklist named after a long article name can exceed what the file system allows (255
    bytes a name on most): said before anything is written, with the way out."""
    try:
        most = os.pathconf(target.parent if str(target.parent) else ".", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        most = 255
    size = len(os.fsencode(target.name))
    if size + _TEMP_ROOM > most:
        raise ClaimsError(f"the checklist's name would be {size} bytes long; this file system allows "
                          f"{most} (with room for the temporary file, {most - _TEMP_ROOM}): give it "
                          f"another with -o, or a shorter checklist pattern in the configuration", target)


def keep_result(article: Any, result: Any, job: Job) -> tuple[Any, Any]:
    """The article and its result, for a workbook of all articles (``--combine``)."""
    return article, result


def check_article(article: Any, result: Any, job: Job) -> tuple[Any, list[str]]:
    """``claims check`` of one article against its checklist: (ArticleCheck, warnings)."""
    from claims.checklist.reader import read_checklist
    from claims.check.gate import check_claims, missing_checklist

    task = job.task
    assert isinstance(task, CheckTask)
    target = Path(task.target)
    try:
        present = target.is_file() or target.exists()
    except OSError as exc:  # a name too long for the file system, a folder we may not enter
        raise ClaimsError(f"cannot look for the checklist: {exc.strerror or exc}", target) from None
    if not present:
        return missing_checklist(job.path, str(target), len(result.claims)), []
    stored = read_checklist(target, dict(task.vocabulary), gate_only=True)
    from claims.limits import shorten

    if not task.force:
        from claims.checklist.update import refuse_foreign

        refuse_foreign(target, article, stored)
    # a cell holds up to 32,767 characters: a message quotes its start
    warnings = [f"{target} ({cell}): unknown status {shorten(text)!r}, counted as open"
                for cell, text in stored.unknown_statuses]
    warnings += [f"{target}: {w}" for w in stored.warnings]
    return check_claims(result.claims, stored.rows, job.path, str(target), findings=result.findings), warnings


def update_article(article: Any, result: Any, job: Job) -> tuple[str, list[str], str]:
    """``claims update`` of one article's checklist: (the report's line, its warnings, the backup
    of the checklist as it was read)."""
    from claims.checklist.update import update_checklist

    task = job.task
    assert isinstance(task, UpdateTask)
    warnings: list[str] = []
    if task.memory is not None:
        from claims.memory.recall import recall_for

        result.memory, warnings = recall_for(result, task.memory)
    report = update_checklist(result, article, Path(task.target), force=task.force,
                              vocabulary=dict(task.vocabulary))
    return report.line(), warnings + list(report.warnings), str(report.backup)
