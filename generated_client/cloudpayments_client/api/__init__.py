"""The operations, one package per tag: its `__init__` holds the resource classes (sync and async), each
operation's module builds that operation's request."""
