# SPDX-License-Identifier: BSD-2-Clause
"""The expect-file format of the QEMU harness (tests/system/README.md): parsing the
directives of one file into an ExpectSpec, substituting values captured by earlier
expect-re lines, and a Matcher that follows one spec through a growing console text. No
QEMU and no pexpect here, so run.py, check.py and the self-test share it."""

import re


class HarnessError(Exception):
    """A problem with the harness's inputs (bad expect file, bad option)."""


# --------------------------------------------------------------------------------------------
# Expect files
# --------------------------------------------------------------------------------------------

class ExpectSpec:
    """Parsed expect file.

    steps          ordered list of ("expect", text) / ("expect-re", regex) / ("send", text)
    forbid         substrings that must not appear
    allow_fault    a kernel fault report is allowed (it is the expected end)
    line_timeout   seconds allowed for each expectation
    """

    def __init__(self):
        self.steps = []
        self.forbid = []
        self.allow_fault = False
        self.line_timeout = None


CONFIGS = ("classic", "mcs")


def parse_expect_file(path, config="classic"):
    """Read an expect file. Directives, one per line ('#' lines and blank lines ignored):

      expect: TEXT       TEXT must appear, after everything matched before it
      expect-re: REGEX   a Python regex (multi-line mode) must match, in order, on whole lines
      forbid: TEXT       TEXT must not appear (checked up to the last expectation + grace)
      allow-fault        a kernel fault report is the expected end; do not fail on it
      timeout: SECONDS   time allowed for each expectation (anywhere in the file; last wins)
      send: TEXT         type TEXT on the console once everything before it has matched
                         (\\n, \\r and \\t escapes are understood)

    A named regex group (?P<NAME>...) captures a value; ${NAME} in a later expect, expect-re
    or forbid line is replaced by it (so "the address the program printed" can be matched).

    A directive may be prefixed by a kernel configuration, "classic: " or "mcs: " (e.g.
    "mcs: expect: Found thread has no fault handler"): it then applies only when the file is
    read for that configuration (`config`, run.py's and check.py's --config).
    """
    if config not in CONFIGS:
        raise HarnessError("unknown configuration %r (one of %s)" % (config, ", ".join(CONFIGS)))
    spec = ExpectSpec()
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        raise HarnessError("cannot read expect file %s: %s" % (path, e.strerror))
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if sep and key in CONFIGS:
            if key != config:
                continue
            raw = raw.split(":", 1)[1].strip()
            line = raw
            key, sep, value = line.partition(":")
            key = key.strip()
        if not sep:
            if key == "allow-fault":
                spec.allow_fault = True
                continue
            raise HarnessError("%s:%d: not a directive: %r" % (path, number, raw))
        # Keep the value's inner spaces; only the one space after the colon is syntax.
        value = raw.split(":", 1)[1]
        value = value[1:] if value.startswith(" ") else value
        value = value.rstrip()
        if key in ("expect", "forbid", "send", "expect-re") and value == "":
            raise HarnessError("%s:%d: empty %s" % (path, number, key))
        if key == "expect":
            spec.steps.append(("expect", value))
        elif key == "expect-re":
            try:
                re.compile(value)
            except re.error as e:
                raise HarnessError("%s:%d: bad regex: %s" % (path, number, e))
            spec.steps.append(("expect-re", value))
        elif key == "forbid":
            spec.forbid.append(value)
        elif key == "send":
            spec.steps.append(("send", value.encode().decode("unicode_escape")))
        elif key == "timeout":
            try:
                spec.line_timeout = float(value)
            except ValueError:
                raise HarnessError("%s:%d: bad timeout %r" % (path, number, value))
            if spec.line_timeout <= 0:
                raise HarnessError("%s:%d: timeout must be positive" % (path, number))
        elif key == "allow-fault":
            spec.allow_fault = True
        else:
            raise HarnessError("%s:%d: unknown directive %r" % (path, number, key))
    return spec


VAR_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def substitute(text, captures, escape):
    def repl(m):
        if m.group(1) not in captures:
            return m.group(0)
        value = captures[m.group(1)]
        return re.escape(value) if escape else value
    return VAR_RE.sub(repl, text)


# --------------------------------------------------------------------------------------------
# Following one spec through the console text
# --------------------------------------------------------------------------------------------

class Matcher:
    """How far one ExpectSpec has got in a console text that only grows.

    step         index of the next directive to match (len(spec.steps): all matched)
    search_from  text offset just after the last match
    captures     values of the named groups matched so far
    """

    def __init__(self, spec):
        self.spec = spec
        self.step = 0
        self.search_from = 0
        self.captures = {}

    @property
    def done(self):
        return self.step == len(self.spec.steps)

    def advance(self, text, eof, send=None):
        """Match as many directives as `text` allows; returns how many matched. A `send`
        directive calls send(TEXT) (when given) and counts as matched. expect-re matches
        whole lines only (the text up to its last newline, or all of it at eof), so a regex
        cannot stop in the middle of a number that is still arriving."""
        count = 0
        while self.step < len(self.spec.steps):
            kind, arg = self.spec.steps[self.step]
            if kind == "send":
                if send is not None:
                    send(arg)
            elif kind == "expect":
                arg = substitute(arg, self.captures, escape=False)
                at = text.find(arg, self.search_from)
                if at < 0:
                    break
                self.search_from = at + len(arg)
            else:
                arg = substitute(arg, self.captures, escape=True)
                whole = len(text) if eof else text.rfind("\n") + 1
                m = re.compile(arg, re.MULTILINE).search(text, self.search_from, whole)
                if not m:
                    break
                self.captures.update({k: v for k, v in m.groupdict().items() if v is not None})
                self.search_from = m.end()
            self.step += 1
            count += 1
        return count

    def pending(self):
        """The next directive as (kind, argument with captures filled in), or None."""
        if self.done:
            return None
        kind, arg = self.spec.steps[self.step]
        return kind, substitute(arg, self.captures, escape=False)

    def forbidden(self, text):
        """The first forbid text (captures filled in) that appears in `text`, or None."""
        for f in self.spec.forbid:
            f = substitute(f, self.captures, escape=False)
            if f in text:
                return f
        return None
