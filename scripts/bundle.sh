# Sourced by the scripts that handle bundles.
#
#   bundle_identity BUNDLE   prints "NAME VERSION" of BUNDLE, as
#                            `folio plugin check --json` reads them from
#                            the verified bundle (never guessed from a file
#                            name or grepped out of plugin.toml)

bundle_identity() {
  local bundle=$1 checked
  checked=$("${FOLIO:-target/release/folio}" plugin check --json "$bundle") \
    || { echo "$bundle: folio plugin check failed (above)" >&2; return 1; }
  jq -r '"\(.manifest.name) \(.manifest.version)"' <<< "$checked"
}
