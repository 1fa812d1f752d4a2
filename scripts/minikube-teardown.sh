#!/usr/bin/env bash
# Removes what scripts/minikube-deploy.sh installed: both releases and the development PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
helm=$(command -v helm || node scripts/helm.mjs)
for release in todo-frontend todo-backend; do
  "$helm" uninstall "$release" --ignore-not-found
done
kubectl delete -f deploy/minikube/dev-postgres.yaml --ignore-not-found
echo "Removed todo-frontend, todo-backend and the development PostgreSQL."
