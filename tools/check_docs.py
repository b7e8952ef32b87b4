#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Docs that cannot drift: check the tutorial texts against the programs they describe.

  check_docs.py --logs LOG_DIR [--main-logs MAIN_LOG_DIR] [--result FILE] [FILE.md ...]

Reads docs/tutorial/<chapter>.md and workspaces/root-task/<chapter>/README.md (or the files
given). Every fenced block in them must say what it is, in its info string:

  ```c                 code: each fragment (fragments are separated by a line "...") must
                       appear in a source file of the chapter's workspace (any depth), or
                       of runtime/ or libsel4/. Compared is the code without comments, and with
                       white space (line breaks too) only where it separates two words:
                       comments in the text may explain, and layout may differ, but the code
                       is the program's, verbatim. A line "..." leaves lines out; "..."
                       inside a line leaves out code within that statement.
  ```output STEP       what step STEP of the chapter prints: checked against the console
                       log of that step from the system tests (LOG_DIR/<chapter>_<STEP>.log;
                       STEP main.c: the chapter's own main.c, MAIN_LOG_DIR/<chapter>.log)
  ```output STEP examples   the same, with every hex number (0x...) an example: it matches
                       any hex number, the same one wherever the text repeats it
  ```sh  ```text  ```expect   commands, pictures, expect-file lines: not checked, but a
                       ```text block with a line that some step of the chapter prints is an
                       error: output is marked as output
  ```c sketch          code that is NOT the program's (abridged, or not yet brought in line):
                       not checked, and counted in a note so the list does not grow unseen

In an output block, a line "..." (or "... (anything)") stands for any number of lines; "..."
or a placeholder such as <n> or <address> inside a line for any text. Otherwise the lines
must be consecutive lines of the log.

Inline claims are checked too: in a chapter text, the code spans after "Output:" in a
paragraph under a heading that names a step ("## 4.B: ..."), and in a README table whose
last column is "you should see", the code spans of a row whose first cell is a step, must
each appear in one line of that step's log. In them, "...", placeholders (<n>, <line>) and
the ".." of "0x.." match any text.

Prints one line per problem and "N passed, N failed" (one test per checked block or claim);
exit status 0 only if none failed.
"""
import argparse
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WS_DIR = os.path.join(ROOT, "workspaces", "root-task")
KINDS = {"c", "output", "sh", "text", "expect"}
SOURCE_EXT = (".c", ".h", ".S", ".ld")
ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
STEP_HEADING_RE = re.compile(r"^#+\s+(?:Step\s+)?([0-9]+[a-z]?\.[A-Z0-9]+)\b")
SPAN_RE = re.compile(r"`([^`]+)`")
HEX_RE = re.compile(r"0x[0-9a-fA-F]+")
# "...", a placeholder such as <n> or <address>, and the ".." of "0x.." stand for any text.
PLACEHOLDER_RE = re.compile(r"\.\.\.|…|<[a-z][a-z0-9 +/-]*>|(?<=0x)\.\.")
GAP_RE = re.compile(r"^\s*\.\.\.\s*(\(.*\))?\s*$")


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.sketches = []

    def ok(self):
        self.passed += 1

    def fail(self, where, msg):
        self.failed += 1
        print("docs: %s: %s" % (where, msg))


def rel(path):
    return os.path.relpath(path, ROOT)


# ---- reading the markdown ---------------------------------------------------------------

def fenced_blocks(lines):
    """Yield (line number, info string, body lines) for each ``` block."""
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```(.*)$", lines[i])
        if not m:
            i += 1
            continue
        start, info, indent = i + 1, m.group(2).strip(), len(m.group(1))
        body = []
        i += 1
        while i < len(lines) and not re.match(r"^\s*```\s*$", lines[i]):
            body.append(lines[i][indent:] if lines[i][:indent].isspace() else lines[i])
            i += 1
        yield start, info, body
        i += 1


def prose_paragraphs(lines):
    """Yield (line number, heading step or None, paragraph text) outside code blocks."""
    step, para, para_start, in_code = None, [], 0, False
    for n, line in enumerate(lines, 1):
        if re.match(r"^\s*```", line):
            in_code = not in_code
            if para:
                yield para_start, step, " ".join(para)
                para = []
            continue
        if in_code:
            continue
        h = re.match(r"^#+\s", line)
        if h:
            if para:
                yield para_start, step, " ".join(para)
                para = []
            m = STEP_HEADING_RE.match(line)
            step = m.group(1) if m else None
            continue
        if not line.strip():
            if para:
                yield para_start, step, " ".join(para)
                para = []
            continue
        if not para:
            para_start = n
        para.append(line.strip())
    if para:
        yield para_start, step, " ".join(para)


def table_rows(lines):
    """Yield (line number, step, last cell) for tables whose last column is 'you should see'."""
    header = None
    for n, line in enumerate(lines, 1):
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            continue
        if set(line.replace("|", "").strip()) <= set("-: "):
            continue
        if header[-1].lower() != "you should see":
            continue
        step = cells[0].strip("`")
        if re.match(r"^[0-9]+[a-z]?\.[A-Z0-9]+$|^default$", step):
            yield n, step, cells[-1]


# ---- console logs -----------------------------------------------------------------------

MAIN_LOGS = None  # --main-logs: the logs of each chapter's own main.c


def read_log(logs, chapter, step):
    if step == "main.c" and MAIN_LOGS:
        path = os.path.join(MAIN_LOGS, "%s.log" % chapter)
    else:
        path = os.path.join(logs, "%s_%s.log" % (chapter, step))
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            text = f.read()
    except OSError:
        return None, path
    text = ANSI_RE.sub("", text).replace("\r", "")
    return [l.rstrip() for l in text.split("\n")], path


_outputs = {}


def chapter_output(logs, chapter):
    """Every line any step of the chapter printed."""
    if chapter not in _outputs:
        lines = set()
        for path in glob.glob(os.path.join(logs, "%s_*.log" % chapter)):
            step = os.path.basename(path)[len(chapter) + 1:-len(".log")]
            lines.update(l.strip() for l in read_log(logs, chapter, step)[0])
        _outputs[chapter] = lines
    return _outputs[chapter]


def line_regex(line, examples, names):
    """A regex for one excerpt line: '...' is any text; example hex numbers are groups."""
    out = []
    for k, piece in enumerate(PLACEHOLDER_RE.split(line.rstrip())):
        if k:
            out.append(".*?")
        pos = 0
        for m in HEX_RE.finditer(piece) if examples else ():
            out.append(re.escape(piece[pos:m.start()]))
            names.append(m.group(0))
            out.append("(0x[0-9a-fA-F]+)")
            pos = m.end()
        out.append(re.escape(piece[pos:]))
    return re.compile("".join(out) + r"\Z")


def match_excerpt(body, log, examples):
    """True if the excerpt's lines match consecutive log lines (with '...' gaps)."""
    items = []
    for line in body:
        if GAP_RE.match(line):
            if not items or items[-1] != "GAP":
                items.append("GAP")
        else:
            names = []
            items.append((line_regex(line, examples, names), names))

    def consistent(bind, names, values):
        bind = dict(bind)
        for name, value in zip(names, values):
            if bind.setdefault(name, value) != value:
                return None
        return bind

    def at(k, i, bind):
        if k == len(items):
            return True
        if items[k] == "GAP":
            return any(at(k + 1, j, bind) for j in range(i, len(log) + 1))
        if i >= len(log):
            return False
        rx, names = items[k]
        m = rx.match(log[i])
        if not m:
            return False
        b = consistent(bind, names, m.groups())
        return b is not None and at(k + 1, i + 1, b)

    first = 1 if items and items[0] == "GAP" else 0
    return any(at(first, i, {}) for i in range(len(log)))


def output_sentence(text):
    """The text after "Output:" up to the end of its sentence or a "(" (outside code)."""
    out, in_code = [], False
    for i, ch in enumerate(text.split("Output:", 1)[1]):
        if ch == "`":
            in_code = not in_code
        elif not in_code and (ch == "(" or (ch == "." and text.split("Output:", 1)[1][i + 1:i + 2] in ("", " "))):
            break
        out.append(ch)
    return "".join(out)


def span_regex(span):
    parts = PLACEHOLDER_RE.split(span)
    return re.compile(".*?".join(re.escape(p) for p in parts))


# ---- source snippets --------------------------------------------------------------------

def code_text(text):
    """Code without comments, every run of white space made one space: what must match."""
    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)
    # White space counts only between two word characters (int x), not around punctuation,
    # so a line that clang-format broke or joined differently still matches.
    return re.sub(r" (?=\W)|(?<=\W) ", "", " ".join(text.split()))


_sources = {}


def sources(chapter):
    """The code of each source file: the chapter's workspace first, then runtime, libsel4."""
    if chapter not in _sources:
        texts = []
        for top in (os.path.join(WS_DIR, chapter), os.path.join(ROOT, "runtime"),
                    os.path.join(ROOT, "libsel4")):
            for path in sorted(glob.glob(os.path.join(top, "**", "*"), recursive=True)):
                if path.endswith(SOURCE_EXT) and os.path.isfile(path):
                    with open(path, encoding="utf-8", errors="replace") as f:
                        texts.append(code_text(f.read()))
        _sources[chapter] = texts
    return _sources[chapter]


def fragment_found(fragment, chapter):
    want = code_text("\n".join(fragment))
    if "..." not in want:
        return not want or any(want in text for text in sources(chapter))
    # "..." inside a line leaves out code within one statement: printf("...", ...);
    rx = re.compile("[^;{}]*?".join(re.escape(p) for p in want.split("...")))
    return any(rx.search(text) for text in sources(chapter))


# ---- the checks -------------------------------------------------------------------------

def check_file(path, chapter, logs, rep):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for start, info, body in fenced_blocks(lines):
        where = "%s:%d" % (rel(path), start)
        words = info.split()
        kind = words[0] if words else ""
        if kind not in KINDS:
            rep.fail(where, "a fenced block must say what it is: ```c, ```output STEP, "
                     "```sh, ```text or ```expect (got %r)" % info)
            continue
        if kind in ("text", "sh", "expect"):
            seen = [l.strip() for l in body if len(l.strip()) >= 16 and l.strip() in
                    chapter_output(logs, chapter)]
            if kind == "text" and seen:
                rep.fail(where, "this looks like program output (%r is a line of a step's "
                         "log): make it ```output STEP" % seen[0])
            continue
        if kind == "c" and "sketch" in words[1:]:
            rep.sketches.append(where)
            continue
        if kind == "c":
            fragments, cur = [], []
            for line in body:
                if line.strip() == "...":
                    fragments.append(cur)
                    cur = []
                else:
                    cur.append(line)
            fragments.append(cur)
            bad = [f for f in fragments if not fragment_found(f, chapter)]
            if bad:
                k = len(bad[0])
                while k > 0 and not fragment_found(bad[0][:k], chapter):
                    k -= 1
                rep.fail(where, "not the code of workspaces/root-task/%s (or runtime/, "
                         "libsel4/) from this line on: %s" % (chapter, bad[0][k].strip()))
            else:
                rep.ok()
        elif kind == "output":
            if len(words) < 2:
                rep.fail(where, "```output needs the step: ```output 4.C")
                continue
            step, examples = words[1], "examples" in words[2:]
            log, log_path = read_log(logs, chapter, step)
            if log is None:
                rep.fail(where, "no console log of step %s (%s): does the step have an "
                         "expect file, and did the system tests run?" % (step, rel(log_path)))
            elif match_excerpt(body, log, examples):
                rep.ok()
            else:
                rep.fail(where, "step %s does not print this excerpt (log: %s)"
                         % (step, rel(log_path)))
    claims = []
    for n, step, text in prose_paragraphs(lines):
        if step and "Output:" in text:
            claims += [(n, step, s) for s in SPAN_RE.findall(output_sentence(text))]
    for n, step, cell in table_rows(lines):
        claims += [(n, step, s) for s in SPAN_RE.findall(cell)]
    for n, step, span in claims:
        where = "%s:%d" % (rel(path), n)
        log, log_path = read_log(logs, chapter, step)
        if log is None:
            rep.fail(where, "no console log of step %s (%s)" % (step, rel(log_path)))
        elif any(span_regex(span).search(l) for l in log):
            rep.ok()
        else:
            rep.fail(where, "step %s does not print `%s` (log: %s)" % (step, span, rel(log_path)))


def default_files():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "docs", "tutorial", "*.md"))):
        out.append((path, os.path.splitext(os.path.basename(path))[0]))
    for path in sorted(glob.glob(os.path.join(WS_DIR, "*", "README.md"))):
        out.append((path, os.path.basename(os.path.dirname(path))))
    return out


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--logs", required=True, help="the workspace steps' console logs")
    p.add_argument("--main-logs", help="the logs of each chapter's main.c (step main.c)")
    p.add_argument("--result", help="write the final 'N passed, N failed' line here")
    p.add_argument("files", nargs="*")
    a = p.parse_args(argv[1:])
    global MAIN_LOGS
    MAIN_LOGS = a.main_logs
    files = default_files()
    if a.files:
        wanted = {os.path.abspath(f) for f in a.files}
        files = [(f, c) for f, c in files if f in wanted]
    rep = Report()
    for path, chapter in files:
        check_file(path, chapter, a.logs, rep)
    if rep.sketches:
        print("docs: note: %d code blocks are marked ```c sketch and not checked (the first: %s;"
              " all: grep -rn '```c sketch' docs workspaces)" % (len(rep.sketches), rep.sketches[0]))
    line = "%d passed, %d failed" % (rep.passed, rep.failed)
    print(line)
    if a.result:
        with open(a.result, "w") as f:
            f.write(line + "\n")
    return 0 if rep.failed == 0 and rep.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
