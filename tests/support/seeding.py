"""Demo data seeded once and shared by many test modules."""

from collections.abc import Callable

from django.db import transaction


class HeldSeeding:
    """Data seeded into the test database inside a transaction that stays open across the
    consecutive test modules asking for it, and is rolled back before the first module that
    does not. Each test still runs in its own savepoint inside it, so none sees another's
    changes; a test that must commit (``transaction=True``) cannot share it."""

    def __init__(self, seed: Callable[[], None], blocker) -> None:
        self.seed = seed
        self.blocker = blocker
        self.outer: transaction.Atomic | None = None

    def hold(self) -> None:
        if self.outer is not None:
            return
        with self.blocker.unblock():
            self.outer = transaction.atomic()
            self.outer.__enter__()
            try:
                self.seed()
            except BaseException:
                self.release()
                raise

    def release(self) -> None:
        if self.outer is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.outer.__exit__(None, None, None)
        self.outer = None
