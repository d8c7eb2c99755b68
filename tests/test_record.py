"""`@record`: what dataclasses gave the model and the style, without compiling methods per class."""

from __future__ import annotations

import copy
import pickle

import pytest

from toolkit.model import Heading, Meta, Note, P
from toolkit.record import field, fields, is_record, record, replace


@record
class Point:
    """A test record."""

    x: int
    tags: tuple[str, ...] = ()
    seen: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", tuple(self.tags))


@record
class Labelled(Point):
    label: str = "?"


@record(frozen=False)
class Counter:
    n: int = 0


def test_init_takes_positions_keywords_defaults_and_factories() -> None:
    a = Point(1, ["a"])
    assert Point.__init__.__qualname__ == "Point.__init__"  # made at the first instance
    assert (a.x, a.tags, a.seen) == (1, ("a",), [])
    assert Point(x=2).seen is not Point(x=2).seen  # a fresh list each time
    assert Labelled(3, label="L") == Labelled(3, (), [], "L")
    assert fields(Labelled) == ("x", "tags", "seen", "label")
    assert Labelled.__match_args__ == ("x", "tags", "seen", "label")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Point(), "missing 1 required positional argument: 'x'"),
        (lambda: Point(1, (), [], 4), "takes from 2 to 4 positional arguments but 5 were given"),
        (lambda: Point(1, y=2), "unexpected keyword argument 'y'"),
        (lambda: Point(1, x=2), "multiple values for argument 'x'"),
    ],
)
def test_wrong_calls_fail_as_a_dataclass_would(call: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()  # type: ignore[operator]


def test_equality_is_by_value_and_by_class() -> None:
    assert Point(1, ("a",)) == Point(1, ["a"])
    assert Point(1) != Point(2)
    assert Point(1) != Labelled(1)  # same fields so far, another class
    assert P(("a",)) != Heading(("a",))
    assert hash(P(("a", Note((P(("n",)),))))) == hash(P(("a", Note((P(("n",)),)))))


def test_frozen_records_refuse_changes_and_mutable_ones_are_unhashable() -> None:
    a = Point(1)
    with pytest.raises(AttributeError, match="frozen Point"):
        a.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError, match="frozen Point"):
        del a.x  # type: ignore[misc]
    c = Counter()
    c.n += 1
    assert c == Counter(1)
    with pytest.raises(TypeError):
        hash(c)


def test_slots_and_no_instance_dict() -> None:
    assert Point.__slots__ == ("x", "tags", "seen")
    assert Labelled.__slots__ == ("label",)
    assert not hasattr(Point(1), "__dict__")


def test_repr_replace_pickle_and_copy() -> None:
    a = Labelled(1, ["t"], label="L")
    assert repr(a) == "Labelled(x=1, tags=('t',), seen=[], label='L')"
    b = replace(a, tags=["u"])
    assert (b.tags, b.label, a.tags) == (("u",), "L", ("t",))  # __post_init__ ran again
    with pytest.raises(TypeError, match="no field 'nope'"):
        replace(a, nope=1)
    meta = Meta("Titel", refs=("21501-02",))
    assert pickle.loads(pickle.dumps(meta)) == meta
    assert copy.deepcopy(a) == a and copy.copy(a) == a


def test_pattern_matching_uses_the_fields() -> None:
    match Labelled(5, label="x"):
        case Labelled(5, label=label):
            assert label == "x"
        case _:
            pytest.fail("no match")


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="'b' without a default"):

        @record
        class Bad:
            a: int = 0
            b: int  # type: ignore[misc]


def test_is_record() -> None:
    assert is_record(Point(1)) and is_record(P(()))
    assert not is_record(Point) and not is_record((1,))
