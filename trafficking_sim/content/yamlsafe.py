"""Safe YAML reading that remembers where every value came from.

PyYAML's safe loader is a good parser but a poor judge of content: it silently keeps
the last of two duplicate keys, turns the key ``on`` into ``True`` and expands alias
bombs. This module composes the YAML node graph (with libyaml when available) and
builds plain Python data itself. It keeps the file's text, from which ``Located`` works
out the line and column of every path when a problem is first reported, so that a
validation error can point at the exact spot in the author's file.
"""

from __future__ import annotations

import operator
import re
from pathlib import Path
from typing import Any, ClassVar, cast

import yaml

from .errors import ContentError, Problem, display_path

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 48
MAX_NODES = 200_000

_SafeLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_C_LOADER: type[Any] | None = getattr(yaml, "CSafeLoader", None)


class _Loader(_SafeLoader):  # type: ignore[misc]
    """The safe loader, resolving the same tags with fewer steps.

    The composer asks for the tag of every value (about 27,000 times for the bundled
    content). A plain scalar's tag depends only on its text, since the safe loader has no
    path resolvers, so the answer for a short text is kept; a quoted scalar is text, a
    list a list, a mapping a mapping, as PyYAML's own ``resolve`` answers them. Only a
    plain text not seen before (or longer than ``_KNOWN_LENGTH``) goes to PyYAML's.
    """

    _known: ClassVar[dict[str, str]] = {}
    # Its own empty table: a path resolver someone registers on PyYAML's safe loaders
    # (``yaml.add_path_resolver``) never reaches this one, which ignores path resolvers.
    yaml_path_resolvers: ClassVar[dict[Any, Any]] = {}

    # libyaml's composer calls these two around every node, for path resolvers only;
    # this loader has none (see the table above). Builtins that
    # do nothing cost the C composer no Python frame: 54,000 calls for the bundled content.
    descend_resolver = operator.is_  # called as (parent, index), answer unused
    ascend_resolver = tuple  # called with nothing, answer unused

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is _SCALAR_NODE:
            if not implicit[0]:
                return _STR
            if len(value) > _KNOWN_LENGTH:
                return _pyyaml_resolve(self, kind, value, implicit)
            known = self._known
            tag = known.get(value)
            if tag is None:
                if len(known) >= _KNOWN_MAX:
                    known.clear()
                tag = known[value] = _pyyaml_resolve(self, kind, value, implicit)
            return tag
        if kind is _MAPPING_NODE:
            return _MAP
        if kind is _SEQUENCE_NODE:
            return _SEQ
        return _pyyaml_resolve(self, kind, value, implicit)


_KNOWN_LENGTH = 64
_KNOWN_MAX = 20_000

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_SCALAR_NODE, _MAPPING_NODE, _SEQUENCE_NODE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
_pyyaml_resolve = _SafeLoader.resolve
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_TAG_FITS = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:null": "an empty value",
}
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_TAG_FIRST = re.compile(r"(?:&\S+\s+)?!")
_SHORT = 40

Path_ = tuple[str | int, ...]


class Located:
    """Plain data from one YAML file, with the position of every path in it.

    The position tables are worked out the first time a position is asked for (from the
    file's text, composed again), not while parsing: valid content never needs them, and
    recording a path and a position for every value cost a good part of a check. Data
    made without text (the content cache's, kept verdicts') has no positions: every path
    is then at line 1, column 1, as before.
    """

    __slots__ = ("_key_positions", "_positions", "_text", "data", "file")

    def __init__(
        self,
        data: Any,
        file: str,
        positions: dict[Path_, tuple[int, int]] | None = None,
        key_positions: dict[Path_, tuple[int, int]] | None = None,
    ) -> None:
        self.data = data
        self.file = file
        self._text: str | None = None
        self._positions = positions
        self._key_positions = key_positions

    @classmethod
    def _parsed(cls, data: Any, file: str, text: str) -> Located:
        """Data that ``parse`` built from ``text``, whose positions are worked out from it
        when first asked for. Only ``parse`` makes these: the text has passed its limits
        (size, depth, aliases), which working the positions out does not check again."""
        located = cls(data, file)
        located._text = text
        return located

    def __repr__(self) -> str:
        return f"Located(file={self.file!r}, data={self.data!r})"

    def _tables(self) -> None:
        text = self._text  # read once: another thread may be working the tables out too
        if text is not None:
            positions, key_positions = position_tables(text)
            self._positions, self._key_positions, self._text = positions, key_positions, None
        if self._positions is None:
            self._positions = {}
        if self._key_positions is None:
            self._key_positions = {}

    @property
    def positions(self) -> dict[Path_, tuple[int, int]]:
        """Line and column (1-based) of every value, by its path."""
        if self._positions is None or self._text is not None:
            self._tables()
        assert self._positions is not None
        return self._positions

    @property
    def key_positions(self) -> dict[Path_, tuple[int, int]]:
        """Line and column (1-based) of every mapping key, by the path of its value."""
        if self._key_positions is None or self._text is not None:
            self._tables()
        assert self._key_positions is not None
        return self._key_positions

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of a path, or of its nearest existing ancestor."""
        positions = self.positions
        table = self.key_positions if key else positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in positions:
                return positions[probe]
            probe = probe[:-1]
        return positions.get((), (1, 1))

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, message)


def _fail(file: str, line: int, column: int, message: str) -> ContentError:
    return ContentError([Problem(file, line, column, message)])


def read_text(path: Path) -> tuple[str, str]:
    """Read a content file as UTF-8 text, refusing what cannot be a content file."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise _fail(
            shown,
            1,
            1,
            f"the file is {size:,} bytes, too large to be a scenario or role card "
            f"(the limit is {MAX_FILE_BYTES:,}); split it or check that it is the right file",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}") from None
    return decode(raw, shown), shown


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 text from bytes, with a located error for binary data or another encoding."""
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        line, column = _position(raw, offset)
        raise _fail(
            shown,
            line,
            column,
            "the file contains a NUL byte: it looks like a binary file, not YAML text",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        raise _fail(
            shown,
            line,
            column,
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8 "
            "in your editor",
        ) from None


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, as YAML errors count them) of a byte offset."""
    before = raw[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(raw[start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def parse(text: str, shown: str) -> Located:
    """Parse one YAML document into plain data with positions; raise ContentError."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise _fail(shown, 1, 1, "the file is empty: expected a YAML mapping (key: value lines)")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = _best_mark(exc, text)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _fail(shown, line, column, _yaml_message(exc, text, line)) from None
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (a control character): it has an offset, not a line.
        line, column = _reader_position(text, exc.position)
        reason = str(exc).splitlines()[0]
        raise _fail(shown, line, column, f"not valid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise _fail(shown, 1, 1, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise _fail(shown, 1, 1, "the document is nested too deeply to be content") from None
    if node is None:
        raise _fail(shown, 1, 1, "the file is empty: expected a YAML mapping (key: value lines)")
    data = _Builder(shown, text).build(node, 0)
    return Located._parsed(data, shown, text)


def position_tables(
    text: str,
) -> tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]:
    """The line and column (1-based) of every value and of every mapping key of a document
    that ``parse`` accepted, by path: composed again, walked in the order of the build.

    The walk stops after MAX_NODES values, as ``parse`` does, so that text ``parse`` has
    not checked (an alias bomb) cannot make it run without end; paths past that point are
    then found at their nearest ancestor's position.
    """
    positions: dict[Path_, tuple[int, int]] = {}
    key_positions: dict[Path_, tuple[int, int]] = {}
    root = yaml.compose(text, Loader=_Loader)
    stack: list[tuple[yaml.Node, Path_]] = [] if root is None else [(root, ())]
    walked = 0
    while stack:
        walked += 1
        if walked > MAX_NODES:
            break
        node, path = stack.pop()
        mark = node.start_mark
        positions.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in reversed(list(enumerate(node.value))))
        elif isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                key = (*path, key_node.value)
                mark = key_node.start_mark
                key_positions[key] = (mark.line + 1, mark.column + 1)
            stack.extend(((value, (*path, k.value)) for k, value in reversed(node.value)))
    return positions, key_positions


def shorten(value: str, limit: int = _SHORT) -> str:
    """A value as a message quotes it: on one line (breaks shown as \\n), at most ``limit``
    characters and an ellipsis, so that a long text does not fill the author's screen."""
    shown = value.translate(_ONE_LINE)
    return shown if len(shown) <= limit else shown[:limit] + "…"


_ONE_LINE = str.maketrans(
    {"\r": "\\r", "\n": "\\n", "\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _reader_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of the reader's offset: libyaml counts bytes of the UTF-8 text,
    PyYAML's own reader characters."""
    if _C_LOADER is not None and issubclass(_Loader, _C_LOADER):
        return _position(text.encode("utf-8"), offset)
    return _position(text.encode("utf-8"), len(text[:offset].encode("utf-8")))


def _best_mark(exc: yaml.MarkedYAMLError, text: str) -> Any:
    """Where to point: the problem, unless it lies past the end (then where it began)."""
    problem, context = exc.problem_mark, exc.context_mark
    if problem is None:
        return context
    past_end = problem.line >= len(text.splitlines()) or "end of stream" in (exc.problem or "")
    if context is not None and past_end:
        return context
    return problem


def _alias_bomb_mark(text: str) -> tuple[int, int] | None:
    """The alias at which the document passes MAX_NODES values, walking its events.

    Composed nodes do not remember where an alias was written, so this slow path reads
    the parser's events, which do. It runs only once a document is known to be too big.
    """
    sizes: dict[str, int] = {}
    open_counts: list[list[Any]] = []
    total = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            open_counts.append([event.anchor, 1])
            total += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, count = open_counts.pop()
            if anchor:
                sizes[anchor] = count
            if open_counts:
                open_counts[-1][1] += count
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            anchor = event.anchor or ""
            is_alias = isinstance(event, yaml.AliasEvent)
            n = sizes.get(anchor, 1) if is_alias else 1
            if anchor and not is_alias:
                sizes[anchor] = 1
            total += n
            if open_counts:
                open_counts[-1][1] += n
            mark = event.start_mark
            if total > MAX_NODES and is_alias and mark is not None:
                return mark.line + 1, mark.column + 1
    return None


def load(path: Path) -> Located:
    """Read and parse a content file."""
    text, shown = read_text(path)
    return parse(text, shown)


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    problem = (exc.problem or "").strip()
    lines = text.splitlines()
    this_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if (
        "\t" in problem
        or "'\\t'" in problem
        or "\t" in this_line[: len(this_line) - len(this_line.lstrip())]
    ):
        return (
            "a tab character is used for indentation; YAML needs spaces "
            "(configure your editor to insert spaces)"
        )
    context = (exc.context or "").strip()
    if "duplicate anchor" in problem + context:
        first = exc.context_mark
        where = f" (first defined at line {first.line + 1})" if first is not None else ""
        return f"not valid YAML: an anchor name (&name) is defined twice{where}"
    if "quoted scalar" in context and "end of stream" in problem:
        return "not valid YAML: the quoted text that starts here is never closed"
    detail = f"{context}: {problem}" if context and problem else (problem or context)
    hint = ""
    if "mapping values are not allowed" in problem:
        hint = (
            " (a ':' inside a value needs the value in quotes; or this line is indented "
            "differently from the lines around it)"
        )
    elif "could not find expected ':'" in problem:
        hint = " (check the indentation and that each key ends with ':')"
    elif "did not find expected key" in problem or "expected <block end>" in problem:
        hint = " (check the indentation: keys at the same level must start in the same column)"
    elif "nesting depth" in problem:
        hint = " (the document is nested too deeply to be content)"
    return f"not valid YAML: {detail}{hint}"


def _tag_message(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    shown = "!!" + tag.removeprefix(prefix) if tag.startswith(prefix) else tag
    return (
        f"the tag '{shown}' is not allowed in content files: they hold only plain text, "
        "numbers, true/false, lists and mappings (and nothing in them is ever run)"
    )


class _Builder:
    """Turns a composed YAML node graph into plain data, refusing what content may not use.

    It records no positions (``Located`` works them out when one is asked for); a refusal
    points at its own node.
    """

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.nodes = 0
        self.constructor: Any = None  # made for the first number, true/false or null

    def _error(self, node: yaml.Node, message: str) -> ContentError:
        mark = node.start_mark
        return _fail(self.file, mark.line + 1, mark.column + 1, message)

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            where = _alias_bomb_mark(self.text)
            line, column = where or (node.start_mark.line + 1, node.start_mark.column + 1)
            raise _fail(
                self.file,
                line,
                column,
                f"the aliases here expand the document to more than {MAX_NODES:,} values "
                "(an alias bomb, or a file that is not content)",
            )
        if depth > MAX_DEPTH:
            raise self._error(node, f"values are nested more than {MAX_DEPTH} levels deep")
        kind = type(node)
        if kind is yaml.ScalarNode:
            if node.tag == _STR:
                return node.value
            return self._scalar(cast(yaml.ScalarNode, node))
        if kind is yaml.MappingNode:
            if node.tag != _MAP:
                raise self._error(node, _tag_message(node.tag))
            return self._mapping(cast(yaml.MappingNode, node), depth)
        if kind is yaml.SequenceNode:
            if node.tag != _SEQ:
                raise self._error(node, _tag_message(node.tag))
            build = self.build
            return [build(item, depth + 1) for item in node.value]
        return self._other(node, depth)

    def _other(self, node: yaml.Node, depth: int) -> Any:
        """A node of a class derived from PyYAML's own (none today), told apart as before."""
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self._error(node, _tag_message(node.tag))
            return [self.build(item, depth + 1) for item in node.value]
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self._error(node, _tag_message(node.tag))
            return self._mapping(node, depth)
        raise self._error(node, "unsupported YAML construct")

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise self._error(node, _tag_message(node.tag))
        if node.tag == _STR:
            return node.value
        if node.tag == "tag:yaml.org,2002:timestamp":
            # Dates stay text; fields that need a date parse it themselves.
            return node.value
        if self.constructor is None:
            self.constructor = yaml.SafeLoader("")
        try:
            return self.constructor.construct_object(node, deep=True)
        except (
            ValueError,
            KeyError,
            IndexError,
            TypeError,
            ArithmeticError,
            yaml.YAMLError,
        ) as exc:
            # A tag written on a value that does not fit it (``!!int abc``), or plain text
            # that YAML reads as a number it cannot make (``0b_``).
            raise self._error(node, self._misfit(node, exc)) from None

    def _misfit(self, node: yaml.ScalarNode, exc: Exception) -> str:
        """What to tell the author of a value that does not fit the tag YAML gives it."""
        value = f"'{shorten(node.value)}'" if node.value else "the empty value"
        if isinstance(exc, ValueError) and "digits" in str(exc) and "limit" in str(exc):
            # Python reads no whole number of more than a few thousand digits.
            return (
                f"{value} ({len(node.value):,} characters) is too long to be read as a number; "
                "if it is text, put it in quotes, else write a shorter value"
            )
        fits = _TAG_FITS[node.tag]
        if self._tag_written(node):
            tag = "!!" + node.tag.removeprefix("tag:yaml.org,2002:")
            return (
                f"{value} is taken for {fits} (YAML's {tag}), but it is not one; if it is text, "
                "put it in quotes (with no tag), else write a value that fits"
            )
        return (
            f"{value} is taken for {fits}, but it is not one; if it is text, put it in quotes, "
            "else write a value that fits"
        )

    def _tag_written(self, node: yaml.Node) -> bool:
        """Whether the author wrote a tag (``!!int``, ``!``) before this value."""
        mark = node.start_mark
        lines = _LINE_BREAK.split(self.text)
        # An anchor may come first, and the tag on the next line: &name !!int ...
        rest = "\n".join(lines[mark.line : mark.line + 8])[mark.column :]
        return _TAG_FIRST.match(rest) is not None

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        build = self.build
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != _STR:
                self._check_key(key_node)
            # Keys are always text: 'on', 'no' and '1' stay what the author typed.
            key = key_node.value
            if key in result:
                first = next(k for k, _ in node.value if k.value == key).start_mark
                raise self._error(
                    key_node,
                    f"duplicate key '{key}' (first defined at line {first.line + 1}); "
                    "YAML would silently keep only the last one",
                )
            result[key] = build(value_node, depth + 1)
        return result

    def _check_key(self, key_node: yaml.Node) -> None:
        """Refuse a key that is not plain text written as a scalar."""
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise self._error(key_node, "merge keys ('<<') are not supported in content files")
        if not isinstance(key_node, yaml.ScalarNode):
            raise self._error(key_node, "a key must be plain text, not a list or mapping")
        if key_node.tag not in _SCALAR_TAGS:
            raise self._error(key_node, _tag_message(key_node.tag))
