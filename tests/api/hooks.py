"""Schemathesis hooks for tests/api/run.sh (loaded with SCHEMATHESIS_HOOKS).

A billing run's body is NDJSON (`application/x-ndjson`): one JSON document
per line. Schemathesis knows no serializer for it, so this one writes what
it generated as such lines: text as it is, a list one item per line, any
other value as one line.
"""

import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, list):
        return "".join(json.dumps(item) + "\n" for item in value).encode("utf-8", "surrogatepass")
    return (json.dumps(value) + "\n").encode("utf-8", "surrogatepass")
