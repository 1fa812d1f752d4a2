#!/usr/bin/env bash
# From a running Minikube to the app in the browser:
#   DATABASE_URL='postgres://…?sslmode=require' scripts/minikube-deploy.sh   # Neon (or any PostgreSQL)
#   scripts/minikube-deploy.sh --dev-postgres                                # in-cluster PostgreSQL, development only
# Builds both images (with the host's Docker when there is one, else inside Minikube), checks they
# reached the Minikube node, installs or upgrades both charts, waits for the rollout, removes this
# project's older image tags and prints the URL. BETTER_AUTH_SECRET is taken from the environment,
# or generated once and kept in .data/minikube-better-auth-secret (mode 0600). Every kubectl and
# helm call targets the context "minikube". Undo with scripts/minikube-teardown.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/minikube-common.sh

dev_postgres=false
for arg in "$@"; do
  case "$arg" in
    --dev-postgres) dev_postgres=true ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) fail "unknown argument $arg (use --dev-postgres or set DATABASE_URL)" ;;
  esac
done

need minikube "https://minikube.sigs.k8s.io/docs/start/"
need kubectl "https://kubernetes.io/docs/tasks/tools/"
need node "Node.js >= 20.9"
find_helm

if [ "$dev_postgres" = false ] && [ -z "${DATABASE_URL:-}" ]; then
  fail "DATABASE_URL is not set: export your Neon URL (postgres://…?sslmode=require) or pass --dev-postgres"
fi
minikube status >/dev/null 2>&1 || fail "Minikube is not running: start it with 'minikube start --cpus 2 --memory 4096'"

secret_file=.data/minikube-better-auth-secret
if [ -z "${BETTER_AUTH_SECRET:-}" ]; then
  # umask 077: the secret is never readable by other users, not even for a moment.
  (
    umask 077
    mkdir -p .data
    [ -s "$secret_file" ] || node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))' > "$secret_file"
  )
  chmod 600 "$secret_file" # a file left by an older version of this script was 0644
  BETTER_AUTH_SECRET=$(cat "$secret_file")
fi
[ "${#BETTER_AUTH_SECRET}" -ge 32 ] || fail "BETTER_AUTH_SECRET must be at least 32 characters"

if [ "$dev_postgres" = true ]; then
  echo "Installing an in-cluster PostgreSQL FOR DEVELOPMENT ONLY (data is lost with the pod)…"
  kube apply -f deploy/minikube/dev-postgres.yaml
  kube rollout status deployment/todo-dev-postgres --timeout=180s
  DATABASE_URL=postgres://todo:todo-dev-only@todo-dev-postgres:5432/todo
fi

# A tag per build (version, commit, and a timestamp when the tree has changes) so that an upgrade
# after a code change changes the pod spec and rolls the pods.
tag=$(node -p 'require("./apps/backend/package.json").version')
if commit=$(git rev-parse --short HEAD 2>/dev/null); then tag="$tag-$commit"; fi
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then tag="$tag-$(date +%s)"; fi

# The 2-CPU, 4 GB node should not compile Next.js: build with the host's Docker when it answers.
host_docker=false
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then host_docker=true; fi

build_image() { # name dockerfile
  local image="$1:$tag"
  if [ "$host_docker" = true ]; then
    echo "Building $image with the host's Docker, then loading it into Minikube…"
    docker build -t "$image" -f "$2" .
    minikube image load "$image"
  else
    echo "Building $image inside Minikube (no Docker on this host)…"
    minikube image build -t "$image" -f "$2" .
  fi
  # `minikube image build` exits 0 even when the build failed: believe only the node's image list.
  node_images | grep -xF "$image" >/dev/null ||
    fail "$image is not in the Minikube node after the build: the build failed (see its output above); nothing was installed"
}
build_image todo-backend apps/backend/Dockerfile
build_image todo-frontend apps/frontend/Dockerfile

# Secrets go through a private values file, never the command line (visible in `ps`).
values=$(mktemp -d)
trap 'rm -rf "$values"' EXIT
chmod 700 "$values"
DATABASE_URL="$DATABASE_URL" BETTER_AUTH_SECRET="$BETTER_AUTH_SECRET" node -e '
  const env = { DATABASE_URL: process.env.DATABASE_URL, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET };
  console.log(JSON.stringify({ env }));' > "$values/secrets.json"

for chart in todo-backend todo-frontend; do
  echo "Installing $chart…"
  helm_ upgrade --install "$chart" "charts/$chart" -f "$values/secrets.json" \
    --set image.tag="$tag" --set image.pullPolicy=Never --wait --timeout 5m
done
kube rollout status deployment/todo-backend --timeout=180s
kube rollout status deployment/todo-frontend --timeout=180s

# Only now, with no pod left on them, the older tags go: each build leaves a few hundred MB.
for old in $(node_images | grep -vxF -e "todo-backend:$tag" -e "todo-frontend:$tag"); do
  minikube image rm "$old" || echo "Could not remove the old image $old from Minikube; remove it later with: minikube image rm $old" >&2
done
if [ "$host_docker" = true ]; then
  for old in $(docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E '^todo-(backend|frontend):' | grep -vxF -e "todo-backend:$tag" -e "todo-frontend:$tag"); do
    docker image rm "$old" >/dev/null || echo "Could not remove the old image $old from Docker" >&2
  done
fi

echo
echo "todo-frontend is up. Open: http://$(minikube ip):30000"
echo "(With the Docker driver on macOS/Windows, run: minikube service todo-frontend --url)"
