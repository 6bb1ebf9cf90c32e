"""What every output of a batch run knows: the documents it holds and the inputs it recorded as failed."""
from __future__ import annotations


class Sink:
    name = "sink"

    def __init__(self) -> None:
        self.done: set[tuple[str, str]] = set()    # (path, doc_id) of the Reports it holds
        self.failed: set[str] = set()              # paths of the error lines it holds

    def has(self, result: dict) -> bool:
        """Whether this output already holds the result (so it is not written twice)."""
        if result["status"] == "error":
            return result["path"] in self.failed
        return (result["path"], result["doc_id"]) in self.done
