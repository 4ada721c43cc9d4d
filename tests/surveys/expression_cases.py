"""Cases both rule interpreters (expressions.py and static/survey-fill.js) are run over: the
Python tests pin the expected truth of each, the browser test checks the JavaScript gives the
same truth and value. Chosen at the edges where XPath, Python and JavaScript differ: mod of a
negative number, NaN, text vs number comparison, booleans, lists, division by zero."""

from __future__ import annotations

from typing import Any

ANSWERS: dict[str, Any] = {
    "satisfied": "no",
    "issues": ["roads", "water"],
    "age": 30,
    "income": 7.5,
    "name": "Lan",
    "empty": "",
    "nothing": [],
    "code": "012",
    "visit": "2026-11-20",
}

# (expression, current value of '.', expected truth)
CASES: list[tuple[str, Any, bool]] = [
    ("${satisfied} = 'no'", None, True),
    ("${satisfied} != 'no'", None, False),
    (". >= 18 and . <= 110", 17, False),
    (". >= 18 and . <= 110", 18, True),
    ("selected(${issues}, 'water') or ${age} > 40", None, True),
    ("not(selected(${issues}, 'prices'))", None, True),
    ("count-selected(${issues}) = 2", None, True),
    ("${age} div 2 = 15 and ${age} mod 7 = 2", None, True),
    ("string-length(.) <= 3", "abcd", False),
    ("string-length(.) = 4", "Hoà!", True),
    ("${missing} = ''", None, True),
    ("-7 mod 3 = -1", None, True),  # XPath truncates, as JS does (Python's % gives 2)
    ("7 mod -3 = 1", None, True),
    ("${age} div 0 = ${age} div 0", None, False),  # NaN equals nothing
    ("${age} div 0", None, False),  # NaN is false
    ("${missing}", None, False),
    ("${empty}", None, False),
    ("${nothing}", None, False),
    ("${issues}", None, True),
    ("'0'", None, True),  # a non-empty string is true
    ("0", None, False),
    ("${code} = 12", None, True),  # a number on one side compares numbers
    ("${code} = '12'", None, False),  # two texts compare as text
    ("${name} < 5", None, False),  # 'Lan' is NaN
    ("${income} * 2 = 15", None, True),
    ("${income} + ${missing} = ${income}", None, False),
    ("true() = 1 and false() = 0", None, True),
    ("true() = 'true'", None, False),  # boolean vs text compares numbers: 1 vs NaN
    ("if(${age} > 18, 'adult', 'minor') = 'adult'", None, True),
    ("coalesce(${missing}, 'x') = 'x'", None, True),
    ("concat(${name}, '-', ${age}) = 'Lan-30'", None, True),
    ("concat(${income}) = '7.5'", None, True),
    ("contains(${name}, 'an') and starts-with(${name}, 'L')", None, True),
    ("number('  12 ') = 12", None, True),
    ("number('0x10') = 16", None, False),  # JS Number() would read hex; the rule does not
    ("number('1_000') = 1000", None, False),  # Python float() would read it; the rule does not
    ("number('') = 0", None, False),  # JS Number('') is 0; the rule says NaN
    ("int(-3.7) = -3", None, True),
    ("string(${age}) = '30'", None, True),
    ("boolean('') or boolean(${nothing})", None, False),
    ("${issues} = 'roads water'", None, True),
    ("selected('a b c', 'b')", None, True),
    ("count-selected(${missing}) = 0", None, True),
    ("(1 + 2) * 3 = 9 and 1 + 2 * 3 = 7", None, True),
    ("- - 3 = 3", None, True),
    (".5 + .5 = 1", None, True),
    ("${visit} < '2027-01-01'", None, False),  # XPath 1.0 compares numbers: both NaN
    ("../satisfied = 'no'", None, True),
    (". = 'x' or . = 'y'", "y", True),
    ("selected(., 'water')", ["roads", "water"], True),
]
