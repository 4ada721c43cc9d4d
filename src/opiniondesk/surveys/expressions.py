"""A safe evaluator for the part of the XLSForm/XPath expression language that skip logic and
constraints use: ${name}, '.', strings, numbers, = != < <= > >=, + - * div mod, and, or,
not(), selected(), count-selected(), string-length(), parentheses. Nothing is `eval`-ed."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

_TOKEN = re.compile(
    r"\s*(?:(\$\{[A-Za-z_][\w.-]*\})|('[^']*'|\"[^\"]*\")|(\d+(?:\.\d+)?)|"
    r"(!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)|([A-Za-z_][\w-]*)|(\.))"
)


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
        ref, string, number, op, name, dot = match.groups()
        if ref:
            found.append(("ref", ref[2:-1]))
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


def _number(value: Any) -> float:
    if isinstance(value, list):
        return float(len(value))
    if value in (None, ""):
        return float("nan")
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _compare(op: str, left: Any, right: Any) -> bool:
    if op in ("=", "!="):
        if isinstance(left, (int, float)) or isinstance(right, (int, float)):
            equal = _number(left) == _number(right)
        else:
            equal = _text(left) == _text(right)
        return equal if op == "=" else not equal
    a, b = _number(left), _number(right)
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], lookup: Callable[[str], Any]) -> None:
        self.tokens, self.lookup, self.at = tokens, lookup, 0

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

    def parse(self) -> Any:
        value = self.disjunction()
        if self.peek() is not None:
            raise ExpressionError(f"unexpected “{self.peek()[1]}”")  # type: ignore[index]
        return value

    def disjunction(self) -> Any:
        value = self.conjunction()
        while self.peek() == ("name", "or"):
            self.take()
            right = self.conjunction()
            value = bool(value) or bool(right)
        return value

    def conjunction(self) -> Any:
        value = self.comparison()
        while self.peek() == ("name", "and"):
            self.take()
            right = self.comparison()
            value = bool(value) and bool(right)
        return value

    def comparison(self) -> Any:
        value = self.sum()
        token = self.peek()
        while token and token[0] == "op" and token[1] in ("=", "!=", "<", "<=", ">", ">="):
            self.take()
            value = _compare(token[1], value, self.sum())
            token = self.peek()
        return value

    def sum(self) -> Any:
        value = self.product()
        token = self.peek()
        while token in (("op", "+"), ("op", "-")):
            self.take()
            right = self.product()
            value = (
                _number(value) + _number(right)
                if token[1] == "+"
                else _number(value) - _number(right)
            )
            token = self.peek()
        return value

    def product(self) -> Any:
        value = self.unary()
        token = self.peek()
        while token in (("op", "*"), ("name", "div"), ("name", "mod")):
            self.take()
            right = _number(self.unary())
            left = _number(value)
            if token[1] == "*":
                value = left * right
            elif right == 0:
                value = float("nan")
            else:
                value = left / right if token[1] == "div" else left % right
            token = self.peek()
        return value

    def unary(self) -> Any:
        if self.peek() == ("op", "-"):
            self.take()
            return -_number(self.unary())
        return self.primary()

    def primary(self) -> Any:
        kind, value = self.take()
        if kind == "ref":
            return self.lookup(value)
        if kind == "str":
            return value
        if kind == "num":
            return float(value)
        if (kind, value) == ("op", "("):
            inner = self.disjunction()
            self.expect(")")
            return inner
        if kind == "name":
            return self.call(value)
        raise ExpressionError(f"unexpected “{value}”")

    def call(self, name: str) -> Any:
        self.expect("(")
        args: list[Any] = []
        if self.peek() != ("op", ")"):
            args.append(self.disjunction())
            while self.peek() == ("op", ","):
                self.take()
                args.append(self.disjunction())
        self.expect(")")
        if name == "not" and len(args) == 1:
            return not bool(args[0])
        if name == "selected" and len(args) == 2:
            chosen = args[0] if isinstance(args[0], list) else _text(args[0]).split()
            return _text(args[1]) in chosen
        if name == "count-selected" and len(args) == 1:
            return float(len(args[0]) if isinstance(args[0], list) else len(_text(args[0]).split()))
        if name == "string-length" and len(args) == 1:
            return float(len(_text(args[0])))
        if name in ("true", "false") and not args:
            return name == "true"
        raise ExpressionError(f"function {name}() is not supported")


def evaluate(expression: str, answers: Mapping[str, Any], current: Any = None) -> bool:
    """Truth of `expression` given `answers` by question name; '.' is `current`. Raises
    ExpressionError for what this subset cannot read."""

    def lookup(name: str) -> Any:
        return current if name == "." else answers.get(name)

    return bool(_Parser(_tokens(expression), lookup).parse())
