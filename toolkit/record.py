"""Value classes declared like dataclasses, without their start-up cost: `@record`.

Python 3.11's `@dataclass` compiles source for six methods of every class it
makes, about 0.4 ms a class on this machine. The model and the house style are
30 classes that every command imports, so dataclasses cost a short command 12 ms
before it has read a byte. `@record` gives the same declarations the same
behaviour (an `__init__` from the annotations, `__post_init__`, value equality
and hashing, a readable repr, immutability, `__slots__`, `__match_args__`).
Equality, hashing, repr and immutability are methods shared by every record;
only `__init__` is made for each class, as dataclasses make it, and only when
the class is first instantiated, so a command pays for the classes it uses.
Type checkers see a dataclass (`dataclass_transform`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_MISSING: Any = object()


class _Field:
    """What `field()` puts in a class body: a default, or a factory for one."""

    __slots__ = ("default", "factory")

    def __init__(self, default: Any, factory: Callable[[], Any] | None) -> None:
        self.default = default
        self.factory = factory


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None) -> Any:
    """A field's default given another way: `field(default_factory=list)` for a mutable one."""
    return _Field(default, default_factory)


class _Spec:
    """A record class's fields, in order, and how each is filled when the call leaves it out."""

    __slots__ = ("defaults", "factories", "names", "post_init")

    def __init__(
        self, names: tuple[str, ...], defaults: dict[str, Any], factories: dict[str, Callable[[], Any]]
    ):
        self.names = names
        self.defaults = defaults
        self.factories = factories
        self.post_init: Callable[[Any], None] | None = None


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, frozen: bool = True, eq: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T] | None = None, /, *, frozen: bool = True, eq: bool = True) -> Any:
    """Make `cls` a record: its annotated class attributes are its fields, in order.

    `frozen=False` allows assignment (and so no hashing by value); `eq=False`
    keeps identity equality and hashing, for objects tracked one by one.
    """
    if cls is None:
        return lambda c: _make(c, frozen, eq)
    return _make(cls, frozen, eq)


def _make(cls: type[T], frozen: bool, eq: bool) -> type[T]:
    base = _spec_of(cls.__mro__[1])
    names = list(base.names) if base else []
    defaults = dict(base.defaults) if base else {}
    factories = dict(base.factories) if base else {}
    ns = dict(cls.__dict__)
    own: list[str] = []
    for name, annotation in ns.get("__annotations__", {}).items():
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = ns.pop(name, _MISSING)
        if isinstance(value, _Field):
            value, factory = value.default, value.factory
            if factory is not None:
                factories[name] = factory
        if value is not _MISSING:
            defaults[name] = value
        if name not in names:
            names.append(name)
            own.append(name)
        if (
            name not in defaults
            and name not in factories
            and any(n in defaults or n in factories for n in names)
        ):
            raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one with a default")
    ns.pop("__dict__", None)
    ns.pop("__weakref__", None)
    ns["__slots__"] = tuple(own)
    ns["__match_args__"] = tuple(names)
    spec = ns["_record"] = _Spec(tuple(names), defaults, factories)
    ns["__qualname__"] = cls.__qualname__
    for name, method in (("__init__", _init), ("__repr__", _repr), ("__reduce__", _reduce)):
        ns.setdefault(name, method)
    if frozen:
        ns["__setattr__"] = _refuse_set
        ns["__delattr__"] = _refuse_delete
    if eq:
        ns.setdefault("__eq__", _eq)
        # Equal by value: hashed by value when frozen, unhashable when not (as a dataclass).
        ns["__hash__"] = _hash if frozen else None
    metaclass: Any = type(cls)  # `type`, unless the class asked for another
    made: type[T] = metaclass(cls.__name__, cls.__bases__, ns)
    spec.post_init = getattr(made, "__post_init__", None)
    return made


def _spec_of(cls: type) -> _Spec | None:
    spec = cls.__dict__.get("_record")
    return spec if isinstance(spec, _Spec) else None


def fields(obj: object) -> tuple[str, ...]:
    """The field names of a record or record class, in order."""
    spec = getattr(obj, "_record", None)
    if not isinstance(spec, _Spec):
        raise TypeError(f"not a record: {obj!r}")
    return spec.names


def is_record(obj: object) -> bool:
    """Whether `obj` is an instance of a record class."""
    return isinstance(getattr(type(obj), "_record", None), _Spec)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of record `obj` with some fields changed; `__post_init__` runs again, as for a new one."""
    spec: _Spec = type(obj)._record  # type: ignore[attr-defined]
    unknown = changes.keys() - set(spec.names)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    return type(obj)(*[changes[n] if n in changes else getattr(obj, n) for n in spec.names])


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    # The first instance of a class: make its own __init__, then use it from now on.
    cls = type(self)
    cls.__init__ = _make_init(cls._record, cls.__qualname__)
    cls.__init__(self, *args, **kwargs)


def _make_init(spec: _Spec, qualname: str) -> Callable[..., None]:
    """The class's `__init__` as a dataclass writes it: named parameters, defaults, one assignment each."""
    params, body = [], []
    env: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    for name in spec.names:
        if name in spec.defaults:
            env[f"_d_{name}"] = spec.defaults[name]
            params.append(f"{name}=_d_{name}")
        elif name in spec.factories:
            env[f"_f_{name}"] = spec.factories[name]
            params.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING: {name} = _f_{name}()")
        else:
            params.append(name)
        body.append(f"    _set(self, {name!r}, {name})")
    if spec.post_init is not None:
        env["_post_init"] = spec.post_init
        body.append("    _post_init(self)")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"])
    exec(source, env)  # the way dataclasses build __init__: the fastest call Python has
    init: Callable[..., None] = env["__init__"]
    init.__qualname__ = f"{qualname}.__init__"
    return init


def _values(self: Any) -> tuple[Any, ...]:
    return tuple([getattr(self, n) for n in self._record.names])


def _repr(self: Any) -> str:
    return f"{type(self).__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self._record.names)})"


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _reduce(self: Any) -> tuple[type, tuple[Any, ...]]:
    # Pickling and copy build the record anew from its fields, through `__init__`.
    return type(self), _values(self)


def _refuse_set(self: Any, name: str, value: Any) -> None:
    raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


def _refuse_delete(self: Any, name: str) -> None:
    raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")
