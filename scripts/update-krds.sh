#!/usr/bin/env bash
# Refreshes portal/static/krds/ from the pinned release of KRDS (Korea Responsive Design
# System, the npm package krds-uiux, ISC licence): the tokens, the components the portal uses,
# their icons, and Pretendard GOV sliced by unicode-range. The result is committed, so running
# the portal needs only Python; this script needs npm and python3 (it installs fontTools into a
# throwaway virtualenv), and is run only to move to another KRDS release:
#
#     KRDS_VERSION=1.1.0 scripts/update-krds.sh
set -euo pipefail

KRDS_VERSION="${KRDS_VERSION:-1.1.0}"
FONTTOOLS_VERSION="4.68.0"
BROTLI_VERSION="1.2.1"

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "krds-uiux@${KRDS_VERSION}" >/dev/null && tar xzf krds-uiux-*.tgz)
licence="$(cd "$work/package" && node -p 'require("./package.json").license')"
if [ "$licence" != "ISC" ]; then
  echo "krds-uiux ${KRDS_VERSION} declares licence '${licence}', not ISC: check it before use." >&2
  exit 1
fi

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "fonttools==${FONTTOOLS_VERSION}" "brotli==${BROTLI_VERSION}"
"$work/venv/bin/python" "$root/scripts/krds_assets.py" "$work/package" "$root" "$KRDS_VERSION"
echo "portal/static/krds/ now holds KRDS ${KRDS_VERSION}; review 'git diff --stat' and commit."
