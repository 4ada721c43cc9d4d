"""A safe evaluator for the part of the XLSForm/XPath expression language that skip logic and
constraints use: ${name}, '.', ../name, strings, numbers, = != < <= > >=, + - * div mod, and,
or, and the functions in FUNCTIONS. Nothing is `eval`-ed.

An expression is compiled once into a small JSON tree (lists of strings and numbers). The
server evaluates that tree here; the fill-in page ships the same tree to
static/survey-fill.js, whose interpreter mirrors `run` rule for rule. Parsing exists only
here, so the browser can never read a rule differently; the interpreters' agreement is tested
in Chromium over the same cases (tests/surveys/test_fill_browser.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

_TOKEN = re.compile(
    r"\s*(?:(\$\{[A-Za-z_][\w.-]*\})|(\.\./[A-Za-z_][\w.-]*)|('[^']*'|\"[^\"]*\")|"
    r"(\d+(?:\.\d+)?|\.\d+)|(!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)|([A-Za-z_][\w-]*)|(\.))"
)
# the only text a number is read from, in both interpreters (float() and JS Number() differ)
NUMBER_TEXT = re.compile(
    r"[ \t\n\r]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\r]*"
)
FUNCTIONS: dict[str, tuple[int, int]] = {  # name → (fewest, most) arguments
    "not": (1, 1),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "string-length": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "if": (3, 3),
    "coalesce": (2, 2),
    "concat": (1, 20),
    "contains": (2, 2),
    "starts-with": (2, 2),
    "number": (1, 1),
    "int": (1, 1),
    "string": (1, 1),
    "boolean": (1, 1),
}
COMPARISONS = ("=", "!=", "<", "<=", ">", ">=")

Tree = list[Any]  # ["ref", name] | ["lit", value] | [operator, left, right] | ["call", name, …]


class ExpressionError(ValueError):
    pass


def _tokens(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ExpressionError(f"cannot read “{text[position : position + 20]}”")
        ref, sibling, string, number, op, name, dot = match.groups()
        if ref:
            found.append(("ref", ref[2:-1]))
        elif sibling:  # pyxform's own `or_other` rule: selected(../q, 'other')
            found.append(("ref", sibling[3:]))
        elif string:
            found.append(("str", string[1:-1]))
        elif number:
            found.append(("num", number))
        elif op:
            found.append(("op", op))
        elif name:
            found.append(("name", name))
        elif dot:
            found.append(("ref", "."))
        position = match.end()
    return found


class _Parser:
    """Recursive descent over XPath's precedence: or < and < comparison < sum < product."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens, self.at = tokens, 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise ExpressionError("unexpected end")
        self.at += 1
        return token

    def expect(self, value: str) -> None:
        if self.take()[1] != value:
            raise ExpressionError(f"expected “{value}”")

    def parse(self) -> Tree:
        tree = self.disjunction()
        extra = self.peek()
        if extra is not None:
            raise ExpressionError(f"unexpected “{extra[1]}”")
        return tree

    def disjunction(self) -> Tree:
        tree = self.conjunction()
        while self.peek() == ("name", "or"):
            self.take()
            tree = ["or", tree, self.conjunction()]
        return tree

    def conjunction(self) -> Tree:
        tree = self.comparison()
        while self.peek() == ("name", "and"):
            self.take()
            tree = ["and", tree, self.comparison()]
        return tree

    def comparison(self) -> Tree:
        tree = self.sum()
        token = self.peek()
        while token and token[0] == "op" and token[1] in COMPARISONS:
            self.take()
            tree = [token[1], tree, self.sum()]
            token = self.peek()
        return tree

    def sum(self) -> Tree:
        tree = self.product()
        token = self.peek()
        while token in (("op", "+"), ("op", "-")):
            self.take()
            tree = [token[1], tree, self.product()]
            token = self.peek()
        return tree

    def product(self) -> Tree:
        tree = self.unary()
        token = self.peek()
        while token in (("op", "*"), ("name", "div"), ("name", "mod")):
            self.take()
            tree = [token[1], tree, self.unary()]
            token = self.peek()
        return tree

    def unary(self) -> Tree:
        if self.peek() == ("op", "-"):
            self.take()
            return ["neg", self.unary()]
        return self.primary()

    def primary(self) -> Tree:
        kind, value = self.take()
        if kind == "ref":
            return ["ref", value]
        if kind == "str":
            return ["lit", value]
        if kind == "num":
            return ["lit", float(value)]
        if (kind, value) == ("op", "("):
            inner = self.disjunction()
            self.expect(")")
            return inner
        if kind == "name":
            return self.call(value)
        raise ExpressionError(f"unexpected “{value}”")

    def call(self, name: str) -> Tree:
        self.expect("(")
        args: list[Tree] = []
        if self.peek() != ("op", ")"):
            args.append(self.disjunction())
            while self.peek() == ("op", ","):
                self.take()
                args.append(self.disjunction())
        self.expect(")")
        if name not in FUNCTIONS:
            raise ExpressionError(f"function {name}() is not supported")
        fewest, most = FUNCTIONS[name]
        if not fewest <= len(args) <= most:
            raise ExpressionError(f"{name}() takes {fewest}–{most} argument(s), not {len(args)}")
        return ["call", name, *args]


def compile_expression(expression: str) -> Tree:
    """The JSON tree of `expression`; ExpressionError for what this subset cannot read."""
    return _Parser(_tokens(expression)).parse()


def references(tree: Tree) -> set[str]:
    """The question names a tree reads ('.' excluded)."""
    if tree[0] == "ref":
        return set() if tree[1] == "." else {str(tree[1])}
    if tree[0] == "lit":
        return set()
    children = tree[2:] if tree[0] == "call" else tree[1:]
    found: set[str] = set()
    for child in children:
        found |= references(child)
    return found


# ---- values, as XPath 1.0 converts them (mirrored in survey-fill.js) ----


def to_number(value: Any) -> float:
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, list):
        return float(len(value))
    text = str(value)
    return float(text) if NUMBER_TEXT.fullmatch(text) else math.nan


def to_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(to_text(v) for v in value)
    if isinstance(value, (int, float)):
        number = float(value)
        if math.isnan(number):
            return "NaN"
        if math.isinf(number):
            return "Infinity" if number > 0 else "-Infinity"
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    return str(value)


def truth(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return not (value == 0 or math.isnan(value))
    return len(value) > 0  # text and lists


def _is_number(value: Any) -> bool:
    return isinstance(value, (bool, int, float))


def _compare(op: str, left: Any, right: Any) -> bool:
    if op in ("=", "!="):
        if _is_number(left) or _is_number(right):
            equal = to_number(left) == to_number(right)
        else:
            equal = to_text(left) == to_text(right)
        return equal if op == "=" else not equal
    a, b = to_number(left), to_number(right)
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _arithmetic(op: str, a: float, b: float) -> float:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0 or math.isnan(a) or math.isnan(b):
        return math.nan  # XPath gives ±Infinity; a rule never needs it, and NaN compares false
    return a / b if op == "div" else math.fmod(a, b)  # XPath's mod truncates, like JS's %


def _chosen(value: Any) -> list[str]:
    return [to_text(v) for v in value] if isinstance(value, list) else to_text(value).split()


def _call(name: str, args: list[Any]) -> Any:
    if name == "not":
        return not truth(args[0])
    if name == "selected":
        return to_text(args[1]) in _chosen(args[0])
    if name == "count-selected":
        return float(len(_chosen(args[0])))
    if name == "string-length":
        return float(len(to_text(args[0])))
    if name in ("true", "false"):
        return name == "true"
    if name == "if":
        return args[1] if truth(args[0]) else args[2]
    if name == "coalesce":
        return args[0] if to_text(args[0]) != "" else args[1]
    if name == "concat":
        return "".join(to_text(a) for a in args)
    if name == "contains":
        return to_text(args[1]) in to_text(args[0])
    if name == "starts-with":
        return to_text(args[0]).startswith(to_text(args[1]))
    if name == "number":
        return to_number(args[0])
    if name == "int":
        number = to_number(args[0])
        return float(math.trunc(number)) if math.isfinite(number) else number
    if name == "string":
        return to_text(args[0])
    return truth(args[0])  # boolean()


def run(tree: Tree, lookup: Callable[[str], Any]) -> Any:
    """The value of a compiled tree; `lookup` gives a question's typed answer (None if none)."""
    head = tree[0]
    if head == "ref":
        return lookup(str(tree[1]))
    if head == "lit":
        return tree[1]
    if head == "call":
        return _call(str(tree[1]), [run(arg, lookup) for arg in tree[2:]])
    if head == "neg":
        return -to_number(run(tree[1], lookup))
    left, right = run(tree[1], lookup), run(tree[2], lookup)
    if head == "and":
        return truth(left) and truth(right)
    if head == "or":
        return truth(left) or truth(right)
    if head in COMPARISONS:
        return _compare(head, left, right)
    return _arithmetic(head, to_number(left), to_number(right))


def holds(tree: Tree, answers: Mapping[str, Any], current: Any = None) -> bool:
    """Truth of a compiled tree given `answers` by question name; '.' is `current`."""

    def lookup(name: str) -> Any:
        return current if name == "." else answers.get(name)

    return truth(run(tree, lookup))


def evaluate(expression: str, answers: Mapping[str, Any], current: Any = None) -> bool:
    """Truth of `expression` given `answers` by question name; '.' is `current`. Raises
    ExpressionError for what this subset cannot read."""
    return holds(compile_expression(expression), answers, current)
