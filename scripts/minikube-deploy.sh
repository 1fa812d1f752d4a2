#!/usr/bin/env bash
# From a running Minikube to the app in the browser:
#   DATABASE_URL='postgres://…?sslmode=require' scripts/minikube-deploy.sh   # Neon (or any PostgreSQL)
#   scripts/minikube-deploy.sh --dev-postgres                                # in-cluster PostgreSQL, development only
# Builds both images inside Minikube, installs or upgrades both charts, waits for the rollout and
# prints the URL. BETTER_AUTH_SECRET is taken from the environment, or generated once and kept in
# .data/minikube-better-auth-secret. Undo with scripts/minikube-teardown.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "minikube-deploy: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed or not on PATH ($2)"; }

dev_postgres=false
for arg in "$@"; do
  case "$arg" in
    --dev-postgres) dev_postgres=true ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) fail "unknown argument $arg (use --dev-postgres or set DATABASE_URL)" ;;
  esac
done

need minikube "https://minikube.sigs.k8s.io/docs/start/"
need kubectl "https://kubernetes.io/docs/tasks/tools/"
need node "Node.js >= 20.9"
helm=$(command -v helm || node scripts/helm.mjs) || fail "helm is not on PATH and could not be fetched (node scripts/helm.mjs)"

if [ "$dev_postgres" = false ] && [ -z "${DATABASE_URL:-}" ]; then
  fail "DATABASE_URL is not set: export your Neon URL (postgres://…?sslmode=require) or pass --dev-postgres"
fi
minikube status >/dev/null 2>&1 || fail "Minikube is not running: start it with 'minikube start --cpus 2 --memory 4096'"

secret_file=.data/minikube-better-auth-secret
if [ -z "${BETTER_AUTH_SECRET:-}" ]; then
  mkdir -p .data
  [ -s "$secret_file" ] || node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))' > "$secret_file"
  BETTER_AUTH_SECRET=$(cat "$secret_file")
fi
[ "${#BETTER_AUTH_SECRET}" -ge 32 ] || fail "BETTER_AUTH_SECRET must be at least 32 characters"

if [ "$dev_postgres" = true ]; then
  echo "Installing an in-cluster PostgreSQL FOR DEVELOPMENT ONLY (data is lost with the pod)…"
  kubectl apply -f deploy/minikube/dev-postgres.yaml
  kubectl rollout status deployment/todo-dev-postgres --timeout=180s
  DATABASE_URL=postgres://todo:todo-dev-only@todo-dev-postgres:5432/todo
fi

# A tag per build (version, commit, and a timestamp when the tree has changes) so that an upgrade
# after a code change changes the pod spec and rolls the pods.
tag=$(node -p 'require("./apps/backend/package.json").version')
if commit=$(git rev-parse --short HEAD 2>/dev/null); then tag="$tag-$commit"; fi
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then tag="$tag-$(date +%s)"; fi
echo "Building images todo-backend:$tag and todo-frontend:$tag inside Minikube…"
minikube image build -t "todo-backend:$tag" -f apps/backend/Dockerfile .
minikube image build -t "todo-frontend:$tag" -f apps/frontend/Dockerfile .

# Secrets go through a private values file, never the command line (visible in `ps`).
values=$(mktemp -d)
trap 'rm -rf "$values"' EXIT
chmod 700 "$values"
DATABASE_URL="$DATABASE_URL" BETTER_AUTH_SECRET="$BETTER_AUTH_SECRET" node -e '
  const env = { DATABASE_URL: process.env.DATABASE_URL, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET };
  console.log(JSON.stringify({ env }));' > "$values/secrets.json"

for chart in todo-backend todo-frontend; do
  echo "Installing $chart…"
  "$helm" upgrade --install "$chart" "charts/$chart" -f "$values/secrets.json" \
    --set image.tag="$tag" --set image.pullPolicy=Never --wait --timeout 5m
done
kubectl rollout status deployment/todo-backend --timeout=180s
kubectl rollout status deployment/todo-frontend --timeout=180s

echo
echo "todo-frontend is up. Open: http://$(minikube ip):30000"
echo "(With the Docker driver on macOS/Windows, run: minikube service todo-frontend --url)"
