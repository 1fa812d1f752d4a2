# shellcheck shell=bash
# Sourced by minikube-deploy.sh and minikube-teardown.sh: the one cluster they talk to and the
# one way to list this project's images in it.

# Every kubectl and helm call names the context: whatever `kubectl config current-context`
# says (a production cluster, say), these scripts only ever touch Minikube.
context=minikube

fail() { echo "${0##*/}: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed or not on PATH ($2)"; }

kube() { kubectl --context "$context" "$@"; }
helm_() { "$helm" --kube-context "$context" "$@"; }
find_helm() {
  helm=$(command -v helm || node scripts/helm.mjs) || fail "helm is not on PATH and could not be fetched (node scripts/helm.mjs)"
}

# This project's images in the Minikube node, one `name:tag` a line (registry prefix removed).
node_images() {
  minikube image ls | sed 's#^.*/##' | grep -E '^todo-(backend|frontend):' || true
}
