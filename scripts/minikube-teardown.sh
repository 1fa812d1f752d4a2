#!/usr/bin/env bash
# Removes what scripts/minikube-deploy.sh installed: both releases and the development PostgreSQL,
# and names the images it leaves in Minikube.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/minikube-common.sh
find_helm
for release in todo-frontend todo-backend; do
  helm_ uninstall "$release" --ignore-not-found
done
kube delete -f deploy/minikube/dev-postgres.yaml --ignore-not-found
echo "Removed todo-frontend, todo-backend and the development PostgreSQL."
images=$(node_images | tr '\n' ' ')
if [ -n "$images" ]; then
  echo "Left in Minikube for a quick redeploy: ${images% }. Remove them with:"
  echo "  minikube image rm ${images% }"
fi
