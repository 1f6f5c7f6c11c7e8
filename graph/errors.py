"""Domain errors: raised where the problem is, in words the user can act on.

Every layer (graph, loaders, API routes) raises these and nothing HTTP-shaped; the web layer
maps each class to a status in one table (:mod:`zonekg.api.problems`, as datasette maps its
``NotFound(Base400)`` to 404), and the command line prints the message. A class is chosen by
what the caller can do about it, so the mapping needs no knowledge of where it was raised.

``str(error)`` is shown to the client as it is: it must never carry a server path, a
traceback or text from a third-party library that could (use the file's *name*, not its path).
"""
from __future__ import annotations


class ZonekgError(Exception):
    """Base of every error a caller can act on; the message says what happened and what to do."""


class InvalidRequest(ZonekgError):
    """A parameter or body that cannot be used as given (HTTP 400)."""


class InvalidParameter(InvalidRequest):
    """A well-formed parameter whose value cannot be used (422, like a failed validation)."""


class NotFound(ZonekgError):
    """The thing asked for does not exist (404)."""


class EntityNotFound(NotFound):
    """No entity of that kind has this IRI or name."""


class AmbiguousName(NotFound):
    """A name several entities share: it finds none of them alone (the message lists them)."""


class DocumentNotFound(NotFound):
    """No ingested document has this file name."""


class QueryError(InvalidRequest):
    """The SPARQL query or update is malformed or failed; the message says where and why."""


class QueryStopped(QueryError):
    """The query was stopped at one of the service's limits (503 with Retry-After)."""


class QueryTimeout(QueryStopped):
    """The query ran past its time limit and was stopped."""


class ClientTimeLimit(QueryError):
    """The query ran past the shorter time limit the request itself set (``timeout=``), a 400:
    the client chose that limit, so it is an answer to what was asked, not a service fault."""


class QueryOverMemory(QueryStopped):
    """The query's worker grew past the memory cap and was stopped."""


class Forbidden(ZonekgError):
    """The service does not allow this at all, whoever asks (403)."""


class WritesDisabled(Forbidden):
    """A write on a read-only service (no token configured)."""


class ServiceNotAllowed(Forbidden):
    """A federated ``SERVICE`` or a ``LOAD`` of an endpoint the operator has not allowed."""


class Unauthorized(ZonekgError):
    """A write without the right bearer token (401 with a challenge)."""


class Overloaded(ZonekgError):
    """Too much asked at once (429): the client should wait ``retry_after`` seconds and retry."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Starting(ZonekgError):
    """The service is still reading what it needs to answer (503): ask again in
    ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Conflict(ZonekgError):
    """The request clashes with what the store holds (409)."""


class DocumentCollision(Conflict):
    """A file name that maps to the same document IRI as another, already ingested, file."""


class DuplicateContent(DocumentCollision):
    """A file whose text is already stored under another file name (plan.docx, plan.html)."""


class TooLarge(ZonekgError):
    """A request, a document or a part of one over a configured limit (413).

    ``what`` names the thing measured, ``size`` and ``limit`` are in ``unit``s; the message
    reads "document too large: N characters, limit M" and names the setting that raises the
    limit. ``more_than`` when the measuring stopped at the limit (a body cut off, a child
    process killed), so the true size is unknown.
    """

    def __init__(
        self, what: str, size: int, limit: int, unit: str, setting: str, *, more_than: bool = False
    ) -> None:
        self.what, self.size, self.limit, self.unit, self.setting = what, size, limit, unit, setting
        self.more_than = more_than
        amount = f"more than {limit:,}" if more_than else f"{size:,}"
        super().__init__(f"{what} too large: {amount} {unit}, limit {limit:,} (raise it with {setting})")

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return _too_large, (self.what, self.size, self.limit, self.unit, self.setting, self.more_than)


def _too_large(what: str, size: int, limit: int, unit: str, setting: str, more_than: bool) -> TooLarge:
    """Rebuilds a :class:`TooLarge` sent from a child process (pickle passes no keywords)."""
    return TooLarge(what, size, limit, unit, setting, more_than=more_than)


class StoreError(ZonekgError):
    """The store could not be opened, read or written; the message says why and what to do."""


class StoreInUse(StoreError):
    """Another process holds the store's lock. The message names the store only: what to do
    instead depends on what the caller wanted (the CLI adds a hint fitted to each command)."""


class NoStore(StoreError):
    """There is no store (or no document in it) where one was expected."""


class StoreUnavailable(StoreError):
    """A remote store that is down, or refuses zonekg's credentials (the message names it)."""
