{{/*
Helpers of the todo-backend chart. Resource names are fixed by the data model
(todo-backend, todo-backend-config, todo-backend-secret), not prefixed with the release name.
This file is the same in both charts but for the chart's name (tests/charts/shared-templates.test.ts);
what differs between the apps lives in _app.tpl.
*/}}

{{/* Chart name, or nameOverride; used for app.kubernetes.io/name. */}}
{{- define "todo-backend.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Base name of every resource and value of the `app` label: fullnameOverride, else the name. */}}
{{- define "todo-backend.fullname" -}}
{{- default (include "todo-backend.name" .) .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "todo-backend.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Image tag: image.tag, else the chart's appVersion. */}}
{{- define "todo-backend.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- end -}}

{{/* Full image reference: repository@digest when a digest is set, else repository:tag. */}}
{{- define "todo-backend.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (include "todo-backend.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/* Labels that select the pods; exactly `app: <name>` as the data model says. */}}
{{- define "todo-backend.selectorLabels" -}}
app: {{ include "todo-backend.fullname" . }}
{{- end -}}

{{/* The data model's five labels (plus helm.sh/chart) carried by every resource. */}}
{{- define "todo-backend.labels" -}}
{{ include "todo-backend.selectorLabels" . }}
{{ include "todo-backend.commonLabels" . }}
{{- end -}}

{{/* The labels of every resource except `app` (hook pods set their own `app`, outside the Service). */}}
{{- define "todo-backend.commonLabels" -}}
app.kubernetes.io/name: {{ include "todo-backend.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ include "todo-backend.imageTag" . | replace "+" "_" | replace ":" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "todo-backend.chart" . }}
{{- end -}}

{{/* Name of the ConfigMap holding non-secret settings. */}}
{{- define "todo-backend.configMapName" -}}
{{- printf "%s-config" (include "todo-backend.fullname" .) -}}
{{- end -}}

{{/* existingSecret, else global.existingSecret (set once in the umbrella chart charts/todo). */}}
{{- define "todo-backend.existingSecret" -}}
{{- .Values.existingSecret | default (dig "existingSecret" "" (.Values.global | default dict)) -}}
{{- end -}}

{{/* A secret setting (DATABASE_URL or BETTER_AUTH_SECRET): env.<name>, else global.env.<name>. */}}
{{- define "todo-backend.secretValue" -}}
{{- get .root.Values.env .name | default (dig "env" .name "" (.root.Values.global | default dict)) -}}
{{- end -}}

{{/* Name of the Secret the pods read: an existing one, else the one this chart creates. */}}
{{- define "todo-backend.secretName" -}}
{{- include "todo-backend.existingSecret" . | default (printf "%s-secret" (include "todo-backend.fullname" .)) -}}
{{- end -}}

{{/* True ("true") when the chart renders its own Secret. */}}
{{- define "todo-backend.createSecret" -}}
{{- if not (include "todo-backend.existingSecret" .) -}}true{{- end -}}
{{- end -}}

{{/* ServiceAccount the pods run as: the created one, serviceAccount.name, or none (namespace default). */}}
{{- define "todo-backend.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "todo-backend.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* One probe (httpGet on the container port) from its values block. */}}
{{- define "todo-backend.probe" -}}
httpGet:
  path: {{ .probe.path }}
  port: {{ .port }}
initialDelaySeconds: {{ .probe.initialDelaySeconds }}
periodSeconds: {{ .probe.periodSeconds }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
successThreshold: {{ .probe.successThreshold }}
failureThreshold: {{ .probe.failureThreshold }}
{{- end -}}

{{/* The pause before SIGTERM: the sleep action where the cluster has it (>= 1.30), else `sleep` in the container. */}}
{{- define "todo-backend.preStopPause" -}}
{{- $action := .Values.preStop.action -}}
{{- if eq $action "auto" -}}
{{- $action = semverCompare ">=1.30-0" .Capabilities.KubeVersion.Version | ternary "sleep" "exec" -}}
{{- end -}}
{{- if eq $action "sleep" }}
sleep:
  seconds: {{ .Values.preStop.pauseSeconds }}
{{- else }}
exec:
  command: ["sleep", {{ .Values.preStop.pauseSeconds | toString | quote }}]
{{- end -}}
{{- end -}}

{{/* The container's lifecycle: `lifecycle` as given, plus the preStop pause unless it brings its own preStop. */}}
{{- define "todo-backend.lifecycle" -}}
{{- $lifecycle := deepCopy .Values.lifecycle -}}
{{- if and (not (hasKey $lifecycle "preStop")) (gt (int .Values.preStop.pauseSeconds) 0) -}}
{{- $_ := set $lifecycle "preStop" (include "todo-backend.preStopPause" . | fromYaml) -}}
{{- end -}}
{{- with $lifecycle -}}
{{- toYaml . -}}
{{- end -}}
{{- end -}}

{{/* The emptyDir source of the app's scratch volumes, with emptyDir.sizeLimit when set. */}}
{{- define "todo-backend.emptyDir" -}}
{{- with .Values.emptyDir.sizeLimit -}}
emptyDir:
  sizeLimit: {{ . }}
{{- else -}}
emptyDir: {}
{{- end -}}
{{- end -}}

{{/* Pods a PodDisruptionBudget keeps: replicaCount, or autoscaling.minReplicas with an HPA (the count a drain may meet). */}}
{{- define "todo-backend.fewestReplicas" -}}
{{- .Values.autoscaling.enabled | ternary .Values.autoscaling.minReplicas .Values.replicaCount | int -}}
{{- end -}}

{{/* Pods the PodDisruptionBudget lets a drain evict at the fewest replicas (Kubernetes rounds percentages up). */}}
{{- define "todo-backend.pdbEvictable" -}}
{{- $pdb := .Values.podDisruptionBudget -}}
{{- $replicas := include "todo-backend.fewestReplicas" . | int -}}
{{- $bound := $pdb.minAvailable -}}
{{- if not (kindIs "invalid" $pdb.maxUnavailable) -}}{{- $bound = $pdb.maxUnavailable -}}{{- end -}}
{{- $count := 0 -}}
{{- if and (kindIs "string" $bound) (hasSuffix "%" $bound) -}}
{{- $count = div (add (mul (trimSuffix "%" $bound | int) $replicas) 99) 100 -}}
{{- else -}}
{{- $count = $bound | int -}}
{{- end -}}
{{- if not (kindIs "invalid" $pdb.maxUnavailable) -}}
{{- min $count $replicas -}}
{{- else -}}
{{- max 0 (sub $replicas $count) -}}
{{- end -}}
{{- end -}}

{{/* Fails rendering, listing every problem with what to set, when values are missing or inconsistent. */}}
{{- define "todo-backend.validateValues" -}}
{{- $errors := list -}}
{{- if not (include "todo-backend.existingSecret" .) -}}
{{- $databaseUrl := include "todo-backend.secretValue" (dict "root" . "name" "DATABASE_URL") -}}
{{- $secret := include "todo-backend.secretValue" (dict "root" . "name" "BETTER_AUTH_SECRET") -}}
{{- if not $databaseUrl -}}
{{- $errors = append $errors "todo-backend: env.DATABASE_URL is required. Set it with --set env.DATABASE_URL='postgresql://USER:PASSWORD@HOST/DB?sslmode=require' (in the todo chart: global.env.DATABASE_URL), or set existingSecret to the name of a Secret holding the keys database-url and better-auth-secret." -}}
{{- end -}}
{{- if not $secret -}}
{{- $errors = append $errors "todo-backend: env.BETTER_AUTH_SECRET is required. Set it with --set env.BETTER_AUTH_SECRET=$(openssl rand -base64 32) (at least 32 characters, the same value as the todo-frontend release; in the todo chart: global.env.BETTER_AUTH_SECRET), or set existingSecret to the name of a Secret holding the keys database-url and better-auth-secret." -}}
{{- else if lt (len $secret) 32 -}}
{{- $errors = append $errors (printf "todo-backend: env.BETTER_AUTH_SECRET must be at least 32 characters (got %d). Set a longer one with --set env.BETTER_AUTH_SECRET=$(openssl rand -base64 32)." (len $secret)) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) -}}
{{- $errors = append $errors "todo-backend: autoscaling.minReplicas must not exceed autoscaling.maxReplicas." -}}
{{- end -}}
{{- if .Values.podDisruptionBudget.enabled -}}
{{- if and (not (kindIs "invalid" .Values.podDisruptionBudget.minAvailable)) (not (kindIs "invalid" .Values.podDisruptionBudget.maxUnavailable)) -}}
{{- $errors = append $errors "todo-backend: set only one of podDisruptionBudget.minAvailable and podDisruptionBudget.maxUnavailable (set the other to null)." -}}
{{- else if eq (include "todo-backend.pdbEvictable" . | int) 0 -}}
{{- $errors = append $errors (printf "todo-backend: this PodDisruptionBudget would block every node drain: with %d replica(s) it lets no pod be evicted. Raise replicaCount (or autoscaling.minReplicas) above podDisruptionBudget.minAvailable, lower minAvailable, or use a maxUnavailable of at least 1." (include "todo-backend.fewestReplicas" . | int)) -}}
{{- end -}}
{{- end -}}
{{- $pause := .Values.preStop.pauseSeconds | int -}}
{{- if hasKey .Values.lifecycle "preStop" -}}{{- $pause = 0 -}}{{- end -}}
{{- if lt (int .Values.terminationGracePeriodSeconds) (add $pause .Values.drainSeconds) -}}
{{- $errors = append $errors (printf "todo-backend: terminationGracePeriodSeconds (%d) must cover preStop.pauseSeconds (%d) + drainSeconds (%d), or Kubernetes kills pods in the middle of requests. Set terminationGracePeriodSeconds to at least %d." (int .Values.terminationGracePeriodSeconds) $pause (int .Values.drainSeconds) (add $pause .Values.drainSeconds)) -}}
{{- end -}}
{{- range splitList "\n" (include "todo-backend.appValidationErrors" .) -}}
{{- if . -}}{{- $errors = append $errors . -}}{{- end -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\n%s" (join "\n" $errors)) -}}
{{- end -}}
{{- end -}}

{{/* Egress rules of the NetworkPolicy: DNS over UDP and TCP, the database, then the app's own and extra rules. */}}
{{- define "todo-backend.egressRules" -}}
{{- $egress := .Values.networkPolicy.egress -}}
# Name lookups, wherever the cluster's resolver runs (kube-dns, NodeLocal DNSCache).
- ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
- ports:
    - port: {{ $egress.databasePort }}
      protocol: TCP
  {{- with $egress.databaseCidrs }}
  to:
    {{- range . }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
  {{- end }}
{{- with include "todo-backend.appEgressRules" . }}
{{ . }}
{{- end }}
{{- with $egress.extraRules }}
{{ toYaml . }}
{{- end }}
{{- end -}}
