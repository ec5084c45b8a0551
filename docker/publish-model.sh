#!/bin/sh
# Publishes a model file to every node of docker/compose.yml at once, without a restart: streams it into the
# model directory the nodes share under a temporary name, renames it to NAME.ndm (so no node ever reads half a
# file), then waits until every node serves it. Each node looks for a newer *.ndm every
# newsdesk.classify.watch-interval (2s), verifies it in full and swaps it in; a file that fails its checks is
# refused and the old model keeps serving.
#
#   docker/publish-model.sh model.ndm [NAME]
set -eu
if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 MODEL.ndm [NAME]   (a model file written by 'newsdesk train')" >&2
  exit 2
fi
file=$1
name=$(basename "${2:-$file}" .ndm).ndm
case $name in
  .*|*[!A-Za-z0-9._-]*) echo "$0: the name may have letters, digits, '.', '_' and '-' only: $name" >&2; exit 2 ;;
esac
compose="${COMPOSE:-docker compose} -f $(dirname "$0")/compose.yml"

# shellcheck disable=SC2016 # expanded by the container's shell
$compose exec -T newsdesk-a sh -c 'set -eu; tmp="/models/.incoming-$$"; cat > "$tmp"; mv "$tmp" "/models/$1"' \
  sh "$name" < "$file"
echo "published /models/$name"

for node in newsdesk-a newsdesk-b; do
  i=0
  until $compose exec -T "$node" curl -fsS http://127.0.0.1:8080/actuator/health 2>/dev/null \
      | grep -q "\"source\":\"/models/$name\""; do
    i=$((i + 1))
    if [ "$i" -ge 30 ]; then
      echo "$0: $node does not serve /models/$name after 30 s; see: $compose logs $node" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$node serves /models/$name"
done
