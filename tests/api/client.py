"""A billing system's job, done with a client generated from Folio's
/openapi.json by openapi-python-client (tests/api/run.sh generates it into
target/api-client/folio_client first).

usage: client.py BASE_URL ADMIN_KEY BUNDLE EXAMPLE_JSON

Uploads BUNDLE, publishes it, points `stable` at it, renders the example as
an archived PDF, reads the archived record and its bytes back, stores the
example's customer as a profile (the same shape) and creates an open link
for it. Every answer is parsed into the generated models; anything
unexpected fails with the status and body.
"""

import json
import sys

from folio_client import AuthenticatedClient
from folio_client.api.customers import put_customer
from folio_client.api.documents import document_content, document_metadata, render_document
from folio_client.api.open_time import create_open_link
from folio_client.api.plugins import publish_version, set_alias, show_plugin, upload_plugin
from folio_client.models import (
    AliasTarget,
    CustomerInput,
    DocumentRecord,
    NewLink,
    OutputFormat,
    PluginVersion,
    Problem,
    RenderRequest,
    VersionStatus,
)
from folio_client.types import File


def expect(response, status, model=None):
    """The parsed body of `response`, which must have `status` (and parse as `model`)."""
    if response.status_code != status:
        sys.exit(f"client: expected HTTP {status}, got {response.status_code}: {response.content[:500]!r}")
    if model is not None and not isinstance(response.parsed, model):
        sys.exit(f"client: HTTP {status} did not parse as {model.__name__}: {response.parsed!r}")
    return response.parsed


def main(base, key, bundle_path, example_path):
    client = AuthenticatedClient(base_url=base, token=key, raise_on_unexpected_status=True)
    example = json.load(open(example_path, encoding="utf-8"))

    with open(bundle_path, "rb") as bundle:
        uploaded = expect(upload_plugin.sync_detailed(client=client, body=File(payload=bundle)), 201, PluginVersion)
    assert uploaded.status == VersionStatus.DRAFT, uploaded
    name, version = uploaded.name, uploaded.version

    published = expect(publish_version.sync_detailed(name, version, client=client), 200, PluginVersion)
    assert published.status == VersionStatus.PUBLISHED, published
    again = expect(publish_version.sync_detailed(name, version, client=client), 409, Problem)
    assert again.type_ == "urn:folio:problem:already-published", again
    expect(set_alias.sync_detailed(name, "stable", client=client, body=AliasTarget(version=version)), 200)
    plugin = show_plugin.sync_detailed(name, client=client).parsed
    assert [a.version for a in plugin.aliases if a.alias == "stable"] == [version], plugin

    request = RenderRequest.from_dict(
        {"plugin": name, "kind": name, "format": "pdf", "customer": example["customer"], "data": example["data"], "store": True}
    )
    assert request.format_ == OutputFormat.PDF
    rendered = render_document.sync_detailed(client=client, body=request, idempotency_key=f"client-{version}")
    expect(rendered, 200)
    assert rendered.headers["content-type"] == "application/pdf", rendered.headers
    assert rendered.content.startswith(b"%PDF-"), rendered.content[:20]
    document_id = rendered.headers["folio-document-id"]

    record = expect(document_metadata.sync_detailed(document_id, client=client), 200, DocumentRecord)
    assert (record.plugin, record.version, record.format_, record.customer_id) == (
        name,
        version,
        "pdf",
        example["customer"]["id"],
    ), record
    fetched = document_content.sync_detailed(document_id, client=client)
    expect(fetched, 200)
    assert fetched.content == rendered.content, "the archive returns the exact bytes rendered"

    customer = example["customer"]
    profile = expect(put_customer.sync_detailed(customer["id"], client=client, body=CustomerInput.from_dict(customer)), 200)
    assert profile.display_name == customer["display_name"], profile
    link = expect(
        create_open_link.sync_detailed(
            client=client,
            body=NewLink.from_dict({"plugin": name, "kind": name, "customer_id": customer["id"], "data": example["data"]}),
        ),
        201,
    )
    assert link.html_url and "/o/" in link.html_url, link
    print(f"client: {name}@{version} uploaded, published, rendered as {document_id} ({len(fetched.content)} bytes), linked as {link.id}")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
