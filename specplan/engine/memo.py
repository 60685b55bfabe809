"""The one place results keep figures they work out on first use.

A result's derived arrays (fair shares, pool flags, England totals, a base-year edit's spliced
cubes) cost more than most redraws need, so each is worked out when first read and kept. They
live in the result's :class:`Memo`, under a :class:`Key` that names the figure and, by its type
parameter, says what it holds; a figure asked for per year, per flow or per scope adds that
argument as the entry's ``part``. :class:`memoized` is ``functools.cached_property`` made
explicit and typed: the value goes into the owner's memo, not its ``__dict__``. Every reader
shares what a memo holds, so an array is made read-only as it goes in.

Thread safe: a view and an export, or the background tornado, may ask for one figure at once.
It is worked out once, under that entry's own lock (other entries, and the workers a figure may
start, are not held up), and every reader gets the same object.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from typing import Any, Generic, Protocol, TypeVar, cast, final, overload

import numpy as np

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@final
class Key(Generic[T]):
    """The name of a memo entry and the type of what it holds. Keys compare by identity: each
    is made once, as a constant (a :class:`memoized` attribute makes its own)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Key({self.name!r})"


class Maker(Protocol[T_co]):
    """Something that makes an entry's value when it is first read (see :meth:`Memo.defer`)."""

    def make(self) -> T_co: ...


class Memo:
    """Named figures worked out once, on first use. Values are never replaced once made.

    Reads take no lock (a dict lookup is atomic); making an entry holds that entry's own lock,
    so a second reader waits for the first one's value instead of working it out again.
    """

    __slots__ = ("_values", "_pending", "_locks")

    def __init__(self, values: Mapping[Key[Any], object] | None = None) -> None:
        """A memo holding ``values`` (arrays made read-only) from the start."""
        self._values: dict[Hashable, object] = {} if values is None else {
            key: read_only(value) for key, value in values.items()}
        self._pending: dict[Hashable, Maker[object]] = {}
        self._locks: dict[Hashable, threading.Lock] = {}

    def get(self, key: Key[T], make: Callable[[], T] | None = None, part: Hashable = None) -> T:
        """The entry ``key`` (of ``part``), made by ``make()`` (or what it was deferred to) the
        first time it is asked for."""
        slot = key if part is None else (key, part)
        value = self._values.get(slot)
        if value is None:
            value = self._make(slot, make)
        return cast(T, value)

    def peek(self, key: Key[T], part: Hashable = None) -> T | None:
        """The entry if it has been made, else None (nothing is worked out)."""
        return cast("T | None", self._values.get(key if part is None else (key, part)))

    def has(self, key: Key[Any], part: Hashable = None) -> bool:
        return (key if part is None else (key, part)) in self._values

    def put(self, key: Key[T], value: T, part: Hashable = None) -> T:
        """Give the entry a value known already (carried over from an earlier result); one
        made meanwhile stays, and is what this returns."""
        slot = key if part is None else (key, part)
        return cast(T, self._values.setdefault(slot, read_only(value)))

    def defer(self, key: Key[T], maker: Maker[T], part: Hashable = None) -> None:
        """Make the entry by ``maker.make()`` when first read, dropping any value it holds: for
        a result still being put together, before anyone reads it."""
        slot = key if part is None else (key, part)
        self._pending[slot] = maker
        self._values.pop(slot, None)

    def pending(self, key: Key[T], part: Hashable = None) -> Maker[T] | None:
        """What a deferred entry is still to be made from, or None once it is made."""
        return cast("Maker[T] | None", self._pending.get(key if part is None else (key, part)))

    def _make(self, slot: Hashable, make: Callable[..., object] | None, *args: object) -> object:
        """Make entry ``slot`` by its maker, else by ``make(*args)``, once."""
        lock = self._locks.setdefault(slot, threading.Lock())  # racing threads get the same one
        with lock:
            value = self._values.get(slot)
            if value is not None:  # made by another thread while this one waited
                return value
            maker = self._pending.get(slot) if self._pending else None
            if maker is not None:
                value = maker.make()
            elif make is not None:
                value = make(*args)
            else:
                raise KeyError(f"memo entry {slot!r} has neither a value nor a maker")
            if value is None:
                raise ValueError(f"memo entry {slot!r} was made as None")
            self._values[slot] = read_only(value)
            # The maker and the lock go only once the value is in place: a reader finds one of
            # them, and one arriving now finds the value before it looks for a lock.
            self._pending.pop(slot, None)
            self._locks.pop(slot, None)
        return value


V = TypeVar("V")


def read_only(value: V) -> V:
    """``value``, made read-only if it is an array (views of it then are too)."""
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    return value


class HasMemo(Protocol):
    @property
    def memo(self) -> Memo: ...


Owner = TypeVar("Owner", bound=HasMemo)


@final
class memoized(Generic[Owner, T]):  # noqa: N801 - used as a decorator, like cached_property
    """A read-only attribute worked out by the decorated method on first read and kept in the
    owner's ``memo`` under the attribute's name (``Owner.attribute.key``)."""

    def __init__(self, make: Callable[[Owner], T]) -> None:
        self.make = make
        self.key: Key[T] = Key(make.__name__)
        self.__doc__ = make.__doc__

    def __set_name__(self, owner: type[Owner], name: str) -> None:
        self.key = Key(name)

    @overload
    def __get__(self, instance: None, owner: type[Owner]) -> memoized[Owner, T]: ...
    @overload
    def __get__(self, instance: Owner, owner: type[Owner]) -> T: ...

    def __get__(self, instance: Owner | None, owner: type[Owner]) -> memoized[Owner, T] | T:
        if instance is None:
            return self
        memo = instance.memo
        value = memo._values.get(self.key)  # the hit, inline: views read these on every redraw
        if value is None:
            value = memo._make(self.key, self.make, instance)
        return cast(T, value)

    def is_made(self, instance: Owner) -> bool:
        """Whether ``instance`` has worked this figure out already."""
        return instance.memo.has(self.key)


@final
class stored(Generic[T]):  # noqa: N801 - a field, like property
    """A read-only attribute the owner puts in its ``memo`` under ``key`` (when it is made, or
    as a :class:`Maker` to make it on first read)."""

    def __init__(self, key: Key[T], doc: str = "") -> None:
        self.key = key
        self.__doc__ = doc

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> stored[T]: ...
    @overload
    def __get__(self, instance: HasMemo, owner: type[Any]) -> T: ...

    def __get__(self, instance: HasMemo | None, owner: type[Any]) -> stored[T] | T:
        if instance is None:
            return self
        memo = instance.memo
        value = memo._values.get(self.key)
        return memo.get(self.key) if value is None else cast(T, value)
