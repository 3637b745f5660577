#!/usr/bin/env bash
# The pages of the site that a change of the data changes: builds the site twice with the same
# code (the preview configuration, mkdocs-voorbeeld.yml), once from the data at BASE and once from
# DATA_DIR (default data/), each outside git so that only the data differ, and compares the HTML.
# Prints one line per page: "nieuw|gewijzigd|verwijderd <tab> path <tab> title", sorted by path.
#
#   .github/scripts/gewijzigde-paginas.sh BASE [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."

base="$1"
data="${2:-data}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/voor" "$work/na"
git archive "$base" data | tar -x -C "$work/voor"
cp -R "$data" "$work/na/data"
for side in voor na; do
  AGENDA_DATA="$work/$side/data" NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet \
    --config-file mkdocs-voorbeeld.yml --site-dir "$work/$side/site" >&2
done

# the page's own title: MkDocs writes "<page> - <site name>"
title() {
  local full
  full="$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$1" | head -n 1)"
  printf '%s' "${full% - *}"
}

(cd "$work/voor/site" && find . -name '*.html' | sort) > "$work/voor.txt"
(cd "$work/na/site" && find . -name '*.html' | sort) > "$work/na.txt"
comm -3 "$work/voor.txt" "$work/na.txt" --output-delimiter=: | while IFS= read -r line; do
  case "$line" in
    :*) path="${line#:}"; printf 'nieuw\t%s\t%s\n' "${path#./}" "$(title "$work/na/site/$path")" ;;
    *) printf 'verwijderd\t%s\t%s\n' "${line#./}" "$(title "$work/voor/site/$line")" ;;
  esac
done > "$work/uit.tsv"
comm -12 "$work/voor.txt" "$work/na.txt" | while IFS= read -r path; do
  if ! cmp -s "$work/voor/site/$path" "$work/na/site/$path"; then
    printf 'gewijzigd\t%s\t%s\n' "${path#./}" "$(title "$work/na/site/$path")"
  fi
done >> "$work/uit.tsv"
sort -t "$(printf '\t')" -k 2,2 "$work/uit.tsv"
