#!/usr/bin/env python3
"""Verifies webhook requests Folio sent, with the `standardwebhooks` package
from PyPI: an implementation of the Standard Webhooks specification that is
not Folio's. The service tests write what their receiver got to a JSON file
(a list of {secret, headers, body}) and run this with tests/api/.venv's
Python. Every request must verify, and the same request with its body
changed by one byte must not (so a verifier that accepts anything fails).
Exit status 0 only if all of that holds."""
import json
import sys

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def main(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)
    if not cases:
        print("verify.py: no requests to verify", file=sys.stderr)
        return 1
    for i, case in enumerate(cases):
        hook = Webhook(case["secret"])
        headers = {k.lower(): v for k, v in case["headers"].items()}
        try:
            payload = hook.verify(case["body"], headers)
        except WebhookVerificationError as e:
            print(f"verify.py: request {i} ({headers.get('webhook-id')}) does not verify: {e}", file=sys.stderr)
            return 1
        if payload.get("id") != headers["webhook-id"]:
            print(f"verify.py: request {i}: body id {payload.get('id')} is not webhook-id {headers['webhook-id']}", file=sys.stderr)
            return 1
        try:
            hook.verify(case["body"] + " ", headers)
        except WebhookVerificationError:
            pass
        else:
            print(f"verify.py: request {i} still verifies with its body changed", file=sys.stderr)
            return 1
    print(f"verify.py: {len(cases)} requests verified by standardwebhooks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
